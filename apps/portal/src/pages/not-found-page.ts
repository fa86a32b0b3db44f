import { h } from '@solpay/web';
import { hrefOf } from '../routing/portal-route';
import { card, cardSection } from '../view/card';
import { emptyState } from '../view/empty-state';
import { pageHeader } from '../view/page-header';
import type { Page } from './page';

/** A portal link that matches no page. */
export function notFoundPage(): Page {
  return {
    title: 'Page not found',
    element: h(
      'div',
      { class: 'page narrow' },
      pageHeader({ title: 'Page not found' }),
      card(
        {},
        cardSection(
          emptyState(
            'There is no page at this address',
            h(
              'p',
              {},
              h(
                'a',
                { href: hrefOf({ page: 'payments', status: '', cursor: undefined }) },
                'Go to payments',
              ),
            ),
          ),
        ),
      ),
    ),
    dispose: () => undefined,
  };
}
