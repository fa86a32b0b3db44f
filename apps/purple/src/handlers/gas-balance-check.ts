import { Keypair } from '@solana/web3.js';
import { createWorkerHandler, reportError } from '@solpay/lambda';
import { checkGasBalance, getAppServices } from '@solpay/services';
import { z } from 'zod';

/**
 * Scheduled gas wallet check (EventBridge `rate(5 minutes)`): publishes the balance of the
 * current gas key as the `GasWalletBalanceLamports` metric and, below
 * `GAS_LOW_BALANCE_LAMPORTS`, logs "gas wallet balance low" and reports it to Sentry; both
 * feed CloudWatch alarms (serverless.yml). Returns the balance and whether it is low.
 */
export const handler = createWorkerHandler(
  'gas-balance-check',
  z.unknown(),
  async (_event, { logger }) => {
    const services = getAppServices();
    const { solana, runtime } = services.config(['solana', 'runtime']);
    const gas = Keypair.fromSecretKey(solana.gasKeypair).publicKey;
    const report = await checkGasBalance(
      {
        getBalanceLamports: async () =>
          BigInt(await services.connection.getBalance(gas, 'confirmed')),
        logger,
        writeLine: (line) => process.stdout.write(`${line}\n`),
        alert: (error, context) => reportError(error, { handler: 'gas-balance-check', ...context }),
      },
      {
        gasPubkey: gas.toBase58(),
        thresholdLamports: solana.gasLowBalanceLamports,
        metricsNamespace: `SolanaPay/${runtime.stage}`,
        stage: runtime.stage,
      },
    );
    return { balanceLamports: report.balanceLamports.toString(), low: report.low };
  },
);
