import { type Child, h } from '@solpay/web';
import { icon } from './icon';

/** A link opening in a new tab, saying so to screen readers. */
export function externalLink(href: string, ...children: Child[]): HTMLAnchorElement {
  return h(
    'a',
    { href, target: '_blank', rel: 'noopener noreferrer' },
    ...children,
    h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'),
  );
}

/** {@link icon} sized for inline use after link text. */
export function externalIcon(): SVGSVGElement {
  const svg = icon('external');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.style.verticalAlign = '-2px';
  svg.style.marginLeft = '2px';
  svg.style.fill = 'currentColor';
  return svg;
}
