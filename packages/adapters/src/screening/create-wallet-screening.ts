import type { WalletScreeningPort } from '@solpay/domain';
import { guardFetch, type ScreeningConfig } from '@solpay/lambda';
import { createNodeHttpFetch } from '../http/create-node-http-fetch';
import { createDenyListScreening } from './deny-list-screening';
import { createTrmScreening } from './trm-screening';

/** Longest wait for the screening service's answer (the buyer's transaction request waits). */
const SCREENING_TIMEOUT_MS = 5_000;

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
        timeoutMs: SCREENING_TIMEOUT_MS,
        fetch: guardFetch(createNodeHttpFetch({ timeoutMs: SCREENING_TIMEOUT_MS })),
      })
    : createDenyListScreening(config.denyListPath);
}
