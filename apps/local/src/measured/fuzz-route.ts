import fc from 'fast-check';
import type { PrismaClient } from '@solpay/db';
import type { HttpsAnswer, HttpsCall } from './https-call';
import { rowCounts } from './row-counts';

/** What one fuzzed route saw. */
export interface RouteTally {
  route: string;
  cases: number;
  /** Answers by status class, e.g. `{ '4xx': 148, '2xx': 2 }`. */
  byClass: Record<string, number>;
  /** Distinct 4xx statuses seen. */
  statuses: number[];
}

/** Options of {@link fuzzRoute}. */
export interface FuzzRouteOptions {
  route: string;
  call: (request: HttpsCall) => Promise<HttpsAnswer>;
  prisma: PrismaClient;
  requests: fc.Arbitrary<HttpsCall>;
  runs: number;
}

/**
 * Sends `runs` generated requests, one at a time, and checks for each: an answer arrives (no
 * hang, no dropped connection), it is never 5xx, and every 4xx carries a JSON `message` and left
 * every table's row count unchanged. 2xx/3xx answers (inputs that happened to be valid) are only
 * counted. Returns the tally, which the tests print.
 */
export async function fuzzRoute(options: FuzzRouteOptions): Promise<RouteTally> {
  const tally: RouteTally = { route: options.route, cases: 0, byClass: {}, statuses: [] };
  const details = await fc.check(
    fc.asyncProperty(options.requests, async (request) => {
      const before = await rowCounts(options.prisma);
      const answer = await options.call(request);
      tally.cases += 1;
      const klass = `${Math.floor(answer.status / 100)}xx`;
      tally.byClass[klass] = (tally.byClass[klass] ?? 0) + 1;
      const bodyBytes = request.body === undefined ? 0 : Buffer.byteLength(request.body);
      const context = `${request.method} ${request.path.slice(0, 120)} (${bodyBytes} body bytes) → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
      if (answer.status >= 500 || answer.status < 200) {
        throw new Error(`server error or no answer: ${context}`);
      }
      if (answer.status >= 400) {
        if (!tally.statuses.includes(answer.status)) tally.statuses.push(answer.status);
        const message = (answer.body as { message?: unknown } | null)?.message;
        if (typeof message !== 'string' || message.length === 0) {
          throw new Error(`4xx without a message: ${context}`);
        }
        const after = await rowCounts(options.prisma);
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          throw new Error(
            `4xx but rows changed (${JSON.stringify(before)} → ${JSON.stringify(after)}): ${context}`,
          );
        }
      }
    }),
    {
      numRuns: options.runs,
      endOnFailure: true,
      // Replays a failing run: FUZZ_SEED=<seed printed by a failure>.
      ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
    },
  );
  if (details.failed) {
    // fast-check's own report prints the whole counterexample, which can be megabytes.
    const error =
      details.errorInstance instanceof Error
        ? details.errorInstance.message
        : String(details.errorInstance);
    throw new Error(
      `${options.route}: property failed after ${details.numRuns} cases (seed ${details.seed}): ${error}`,
    );
  }
  tally.statuses.sort();
  return tally;
}

/** One line per route for the test output. */
export function formatTally(tally: RouteTally): string {
  const classes = Object.entries(tally.byClass)
    .sort()
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return `${tally.route}: ${tally.cases} cases → ${classes}; 4xx statuses ${tally.statuses.join('/')}; 5xx: 0; rows unchanged on every 4xx`;
}
