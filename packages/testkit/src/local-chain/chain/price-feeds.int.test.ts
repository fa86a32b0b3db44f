import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Connection } from '@solana/web3.js';
import { FX_FEEDS } from '@solpay/domain';
import { readPythPrices } from '@solpay/solana';
import { startLocalChain } from '../start-local-chain';
import type { LocalChain } from '../local-chain';

let chain: LocalChain;
let connection: Connection;

beforeAll(async () => {
  chain = await startLocalChain({ slotMs: 200, usdRates: { EUR: '1.10' } });
  connection = new Connection(chain.rpcUrl, 'confirmed');
});

afterAll(async () => {
  await chain?.close();
});

const EUR = FX_FEEDS.EUR!.id;
const CAD = FX_FEEDS.CAD!.id;

describe('local Pyth price accounts', () => {
  it('serves PriceUpdateV2 accounts at the derived addresses over JSON-RPC', async () => {
    const prices = await readPythPrices(connection, [EUR, CAD]);
    expect(prices.get(EUR)).toMatchObject({ price: 110_000n, exponent: -5, fullyVerified: true });
    // USD/CAD is published as the inverse of the 0.73 USD per CAD default.
    expect(prices.get(CAD)?.price).toBe(136_986n);
    const now = Math.floor(Date.now() / 1000);
    expect(Math.abs(now - (prices.get(EUR)?.publishTime ?? 0))).toBeLessThanOrEqual(5);
  });

  it('lets a test make a price stale, uncertain or partially verified', async () => {
    chain.prices.update('EUR', {
      lagSeconds: 300,
      confidenceRatio: '0.02',
      partiallyVerified: true,
    });
    const reading = (await readPythPrices(connection, [EUR])).get(EUR);
    expect(Math.floor(Date.now() / 1000) - (reading?.publishTime ?? 0)).toBeGreaterThanOrEqual(295);
    expect(reading?.conf).toBe(2_200n);
    expect(reading?.fullyVerified).toBe(false);
  });

  it('creates every settlement token, PYUSD on Token-2022, and funds the buyer in each', async () => {
    expect(chain.tokens.map((token) => token.symbol)).toEqual(['USDC', 'EURC', 'PYUSD']);
    const pyusd = chain.tokens.find((token) => token.symbol === 'PYUSD')!;
    expect(pyusd.programId.toBase58()).toBe('TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb');
    const mintAccount = await connection.getAccountInfo(pyusd.mint);
    expect(mintAccount?.owner.equals(pyusd.programId)).toBe(true);
    const accounts = await connection.getTokenAccountsByOwner(chain.buyer.publicKey, {
      mint: pyusd.mint,
    });
    expect(accounts.value).toHaveLength(1);
  });
});
