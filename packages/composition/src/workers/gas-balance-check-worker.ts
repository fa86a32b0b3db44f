import { readConfig, reportError } from '@solpay/lambda';
import { gasBalanceMetric } from '@solpay/adapters';
import type { GasBalanceCheckDeps } from '@solpay/handlers';
import { gasKeypair } from '../shared/gas-keypair';
import { solanaConnection } from '../shared/solana-connection';
import { processSingleton } from '../shared/process-singleton';

/** The scheduled gas wallet check: its balance on chain, the metric line, Sentry for alerts. */
export const gasBalanceCheckWorker = /* @__PURE__ */ processSingleton((): GasBalanceCheckDeps => {
  const { solana, runtime } = readConfig(['solana', 'runtime']);
  const gas = gasKeypair(solana.gasKeypair).publicKey;
  return {
    check: {
      getBalanceLamports: async () => BigInt(await solanaConnection().getBalance(gas, 'confirmed')),
      publishBalance: gasBalanceMetric({
        namespace: `SolanaPay/${runtime.stage}`,
        stage: runtime.stage,
        writeLine: (line) => process.stdout.write(`${line}\n`),
      }),
      alert: (error, context) => reportError(error, { handler: 'gas-balance-check', ...context }),
    },
    input: { gasPubkey: gas.toBase58(), thresholdLamports: solana.gasLowBalanceLamports },
  };
});
