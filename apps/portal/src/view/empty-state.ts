import { type Child, h } from '@solpay/web';

/** The centred "nothing here yet" block of an empty list. */
export function emptyState(title: string, ...body: Child[]): HTMLDivElement {
  return h('div', { class: 'empty' }, h('h2', {}, title), ...body);
}
