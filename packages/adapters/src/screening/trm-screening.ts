import type { HttpFetch, HttpFetchResponse } from '../http/create-node-http-fetch';
import * as z from 'zod';
import type { WalletScreeningPort } from '@solpay/domain';
import { DependencyUnavailableError } from '@solpay/domain';

const riskIndicator = z.looseObject({
  category: z.string().optional(),
  categoryRiskScoreLevelLabel: z.string().optional(),
  riskType: z.string().optional(),
});

const screeningResponse = z.array(
  z.looseObject({
    address: z.string(),
    addressRiskIndicators: z.array(riskIndicator).default([]),
    entities: z
      .array(
        z.looseObject({
          riskScoreLevelLabel: z.string().optional(),
          category: z.string().optional(),
        }),
      )
      .default([]),
  }),
);

const RISKY_LEVELS = new Set(['high', 'severe']);

/** Options of {@link createTrmScreening}. */
export interface TrmScreeningOptions {
  /** Full URL of the address screening endpoint (TRM: `…/public/v2/screening/addresses`). */
  url: string;
  apiKey: string;
  /** Defaults to the global `fetch`. */
  fetch?: HttpFetch;
  timeoutMs?: number;
}

/**
 * Wallet screening over an HTTP API shaped like TRM Labs' address screening: `POST` a JSON
 * array `[{ address, chain: 'solana' }]` with HTTP basic auth (key as user and password); the
 * answer lists risk indicators and entities with a risk level label. A wallet is risky when any
 * of them is High or Severe. Failures throw (the caller answers 503 and serves nothing).
 */
export function createTrmScreening(options: TrmScreeningOptions): WalletScreeningPort {
  const doFetch = options.fetch ?? fetch;
  const auth = Buffer.from(`${options.apiKey}:${options.apiKey}`).toString('base64');
  return {
    async screen(wallet) {
      let response: HttpFetchResponse;
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Basic ${auth}` },
          body: JSON.stringify([{ address: wallet, chain: 'solana' }]),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        });
      } catch (error) {
        throw new DependencyUnavailableError('Wallet screening is unavailable', { cause: error });
      }
      if (!response.ok) {
        throw new DependencyUnavailableError(`Wallet screening answered ${response.status}`);
      }
      const parsed = screeningResponse.safeParse(await response.json().catch(() => null));
      if (!parsed.success)
        throw new DependencyUnavailableError('Wallet screening answered an unexpected shape');
      const entry = parsed.data.find((item) => item.address === wallet) ?? parsed.data[0];
      const labels = [
        ...(entry?.addressRiskIndicators ?? []).map((item) => item.categoryRiskScoreLevelLabel),
        ...(entry?.entities ?? []).map((item) => item.riskScoreLevelLabel),
      ];
      const risky = labels.find((label) => label && RISKY_LEVELS.has(label.toLowerCase()));
      return risky ? { risky: true, reason: `screening level ${risky}` } : { risky: false };
    },
  };
}
