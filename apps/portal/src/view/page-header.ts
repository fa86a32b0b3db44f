import { type Child, h } from '@solpay/web';
import { icon } from './icon';

/** Options of {@link pageHeader}. */
export interface PageHeaderOptions {
  title: string;
  /** Link of the back arrow (to the parent list), with its accessible name. */
  back?: { href: string; label: string };
  /** Shown next to the title (e.g. a status badge). */
  titleMeta?: Child;
  /** Under the title. */
  subtitle?: Child;
  /** Right-aligned buttons. */
  actions?: Child;
}

/**
 * The page title bar: optional back arrow, `h1` (focusable, so route changes can move focus to
 * it), badges, subtitle and actions.
 */
export function pageHeader(options: PageHeaderOptions): HTMLElement {
  return h(
    'header',
    { class: 'page-header' },
    options.back
      ? h(
          'a',
          { class: 'back', href: options.back.href, 'aria-label': options.back.label },
          icon('back'),
        )
      : null,
    h('h1', { tabindex: -1, id: 'page-title' }, options.title),
    options.titleMeta ?? null,
    options.actions ? h('div', { class: 'actions' }, options.actions) : null,
    options.subtitle ? h('p', { class: 'subtitle' }, options.subtitle) : null,
  );
}
