import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Connection } from '@solana/web3.js';
import { startLocalChain, type LocalChain } from '@solpay/testkit';
import { checkGasBalance, GAS_LOW_MESSAGE } from '@solpay/domain';
import { GAS_BALANCE_METRIC, gasBalanceMetric } from './gas-balance-metric';

let chain: LocalChain;

beforeAll(async () => {
  chain = await startLocalChain({ port: 0 });
});
afterAll(async () => {
  await chain?.close();
});

async function run(thresholdLamports: bigint) {
  const connection = new Connection(chain.rpcUrl, 'confirmed');
  const lines: string[] = [];
  const logs: Array<[string, string]> = [];
  const alerts: string[] = [];
  const log = (level: string) => (message: string) => logs.push([level, message]);
  const report = await checkGasBalance(
    {
      getBalanceLamports: async () => BigInt(await connection.getBalance(chain.gas.publicKey)),
      logger: { info: log('info'), warn: log('warn'), error: log('error') },
      publishBalance: gasBalanceMetric({
        namespace: 'SolanaPay/test',
        stage: 'test',
        writeLine: (line) => lines.push(line),
      }),
      alert: (error) => alerts.push(error.message),
    },
    {
      gasPubkey: chain.gas.publicKey.toBase58(),
      thresholdLamports,
    },
  );
  return { report, lines, logs, alerts };
}

describe('checkGasBalance (local chain)', () => {
  it('publishes the balance as an embedded metric; no alert above the threshold', async () => {
    const balance = BigInt(await new Connection(chain.rpcUrl).getBalance(chain.gas.publicKey));
    const { report, lines, logs, alerts } = await run(1n);
    expect(report).toEqual({ balanceLamports: balance, low: false });
    const metric = JSON.parse(lines[0]!) as Record<string, unknown> & {
      _aws: { CloudWatchMetrics: unknown[] };
    };
    expect(metric._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'SolanaPay/test',
        Dimensions: [['Stage']],
        Metrics: [{ Name: GAS_BALANCE_METRIC, Unit: 'None' }],
      },
    ]);
    expect(metric).toMatchObject({ Stage: 'test', [GAS_BALANCE_METRIC]: Number(balance) });
    expect(alerts).toEqual([]);
    expect(logs).toEqual([['info', 'gas wallet balance ok']]);
  });

  it('warns with the message the CloudWatch metric filter counts, and alerts, below the threshold', async () => {
    const { report, logs, alerts } = await run(10n ** 18n);
    expect(report.low).toBe(true);
    expect(logs).toEqual([['warn', GAS_LOW_MESSAGE]]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/^gas wallet balance low: \d+ < 1000000000000000000 lamports$/);
  });
});
