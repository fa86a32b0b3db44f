import type { DomainLogger } from '../ports/domain-logger';

/** The log message the `GasWalletLowLogMetricFilter` of serverless.yml counts. */
export const GAS_LOW_MESSAGE = 'gas wallet balance low';

/** What {@link checkGasBalance} needs. */
export interface CheckGasBalanceDeps {
  /** The gas wallet's balance in lamports (e.g. `connection.getBalance`). */
  getBalanceLamports(): Promise<bigint>;
  /** Publishes the balance as a metric (CloudWatch's embedded metric format on Lambda). */
  publishBalance(lamports: bigint): void;
  logger: DomainLogger;
  /** Raises an alert (Sentry on Lambda). */
  alert(error: Error, context: Record<string, unknown>): void;
}

/** Settings of {@link checkGasBalance}. */
export interface CheckGasBalanceInput {
  /** Base58 public key of the current gas wallet (logged; not secret). */
  gasPubkey: string;
  /** Below this balance an alert is raised (`GAS_LOW_BALANCE_LAMPORTS`). */
  thresholdLamports: bigint;
}

/** Outcome of {@link checkGasBalance}. */
export interface GasBalanceReport {
  balanceLamports: bigint;
  low: boolean;
}

/**
 * Reads the gas wallet's balance, publishes it and, below the threshold, logs
 * {@link GAS_LOW_MESSAGE} as a warning and raises an alert (both feed CloudWatch alarms).
 */
export async function checkGasBalance(
  deps: CheckGasBalanceDeps,
  input: CheckGasBalanceInput,
): Promise<GasBalanceReport> {
  const balanceLamports = await deps.getBalanceLamports();
  deps.publishBalance(balanceLamports);
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
