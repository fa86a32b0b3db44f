import { h } from '@solpay/web';
import type { ApiFailure } from '../api/api-result';
import { banner } from '../view/banner';
import type { PageContext } from './page';

/**
 * The banner for a failed load; a 401 leaves for the signed-out screen instead. `retry` adds
 * a "Try again" button.
 */
export function failureBanner(
  ctx: PageContext,
  failure: ApiFailure,
  retry?: () => void,
): HTMLElement {
  if (failure.reason === 'signed-out') ctx.signedOut();
  return banner(
    'critical',
    failure.reason === 'not-found' ? 'Not found' : 'Something went wrong',
    h('p', {}, failure.message),
    retry
      ? h(
          'div',
          { class: 'button-row' },
          h('button', { type: 'button', class: 'button', onclick: retry }, 'Try again'),
        )
      : null,
  );
}
