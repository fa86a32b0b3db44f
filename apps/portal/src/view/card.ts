import { type Attributes, type Child, h } from '@solpay/web';

/** A white card; each argument after `attributes` is one section (divided by hairlines). */
export function card(attributes: Attributes, ...sections: Child[]): HTMLElement {
  const className = ['card', typeof attributes.class === 'string' ? attributes.class : '']
    .join(' ')
    .trim();
  return h('section', { ...attributes, class: className }, ...sections);
}

/** One padded section of a {@link card}. */
export function cardSection(...children: Child[]): HTMLDivElement {
  return h('div', { class: 'card-section' }, ...children);
}
