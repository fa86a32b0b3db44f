import { h } from '@solpay/web';

/** A spinner with a text label, announced politely. */
export function loading(label = 'Loading…'): HTMLDivElement {
  return h(
    'div',
    { class: 'loading', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    label,
  );
}
