import type { WalletScreeningPort } from '@solpay/domain';
import { guardFetch, type ScreeningConfig } from '@solpay/lambda';
import { createDenyListScreening } from './deny-list-screening';
import { createTrmScreening } from './trm-screening';

/**
 * The configured wallet screening: the TRM-shaped HTTP service when `SCREENING_URL` and
 * `SCREENING_API_KEY` are set, otherwise the deny list at `DENY_LIST_PATH` (every wallet passes
 * when that is unset too).
 */
export function createWalletScreening(config: ScreeningConfig): WalletScreeningPort {
  return config.service
    ? createTrmScreening({
        url: config.service.url,
        apiKey: config.service.apiKey,
        fetch: guardFetch(globalThis.fetch),
      })
    : createDenyListScreening(config.denyListPath);
}
