import type { DomainLogger } from '@solpay/domain';
import { embeddedMetricLine } from './embedded-metric-line';

/** The metric name the `GasWalletLowBalanceAlarm` of serverless.yml watches. */
export const GAS_BALANCE_METRIC = 'GasWalletBalanceLamports';

/** The log message the `GasWalletLowLogMetricFilter` of serverless.yml counts. */
export const GAS_LOW_MESSAGE = 'gas wallet balance low';

/** What {@link checkGasBalance} needs. */
export interface CheckGasBalanceDeps {
  /** The gas wallet's balance in lamports (e.g. `connection.getBalance`). */
  getBalanceLamports(): Promise<bigint>;
  logger: DomainLogger;
  /** Writes one raw log line (the embedded metric); stdout on Lambda. */
  writeLine(line: string): void;
  /** Raises an alert (Sentry on Lambda). */
  alert(error: Error, context: Record<string, unknown>): void;
}

/** Settings of {@link checkGasBalance}. */
export interface CheckGasBalanceInput {
  /** Base58 public key of the current gas wallet (logged; not secret). */
  gasPubkey: string;
  /** Below this balance an alert is raised (`GAS_LOW_BALANCE_LAMPORTS`). */
  thresholdLamports: bigint;
  /** CloudWatch namespace (`SolanaPay/<stage>`). */
  metricsNamespace: string;
  stage: string;
}

/** Outcome of {@link checkGasBalance}. */
export interface GasBalanceReport {
  balanceLamports: bigint;
  low: boolean;
}

/**
 * Reads the gas wallet's balance, publishes it as a CloudWatch metric (embedded metric format,
 * dimension `Stage`) and, below the threshold, logs {@link GAS_LOW_MESSAGE} as a warning and
 * raises an alert. The metric value is a `number`: lamport balances of a fee wallet stay far
 * below 2^53, and CloudWatch only takes doubles anyway.
 */
export async function checkGasBalance(
  deps: CheckGasBalanceDeps,
  input: CheckGasBalanceInput,
): Promise<GasBalanceReport> {
  const balanceLamports = await deps.getBalanceLamports();
  deps.writeLine(
    embeddedMetricLine({
      namespace: input.metricsNamespace,
      name: GAS_BALANCE_METRIC,
      value: Number(balanceLamports),
      dimensions: { Stage: input.stage },
    }),
  );
  const fields = {
    gasPubkey: input.gasPubkey,
    balanceLamports: balanceLamports.toString(),
    thresholdLamports: input.thresholdLamports.toString(),
  };
  const low = balanceLamports < input.thresholdLamports;
  if (low) {
    deps.logger.warn(GAS_LOW_MESSAGE, fields);
    deps.alert(
      new Error(`${GAS_LOW_MESSAGE}: ${balanceLamports} < ${input.thresholdLamports} lamports`),
      fields,
    );
  } else {
    deps.logger.info('gas wallet balance ok', fields);
  }
  return { balanceLamports, low };
}
