import { embeddedMetricLine } from './embedded-metric-line';

/** The metric name the `GasWalletLowBalanceAlarm` of serverless.yml watches. */
export const GAS_BALANCE_METRIC = 'GasWalletBalanceLamports';

/**
 * Publishes the gas wallet's balance as {@link GAS_BALANCE_METRIC} (dimension `Stage`) in
 * CloudWatch's embedded metric format: one log line, no API call. The value is a `number`:
 * lamport balances of a fee wallet stay far below 2^53, and CloudWatch only takes doubles.
 */
export function gasBalanceMetric(options: {
  /** CloudWatch namespace (`SolanaPay/<stage>`). */
  namespace: string;
  stage: string;
  /** Writes one raw log line; stdout on Lambda. */
  writeLine(line: string): void;
}): (lamports: bigint) => void {
  return (lamports) =>
    options.writeLine(
      embeddedMetricLine({
        namespace: options.namespace,
        name: GAS_BALANCE_METRIC,
        value: Number(lamports),
        dimensions: { Stage: options.stage },
      }),
    );
}
