import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Wallet, WalletAccount } from '@wallet-standard/base';
import { encodeBase58 } from '../encoding/encode-base58';
import { payWithWallet, type PayWithWalletInput, type WalletPaymentStep } from './pay-with-wallet';
import { payWithWalletActivity } from './pay-with-wallet-activity';
import type { WalletActivity } from './wallet-activity';
import type { PaymentWallet } from './payment-wallet';

const ADDRESS = encodeBase58(new Uint8Array(32).fill(7));
const SERVED = new Uint8Array([1, 2, 3, 250]);
const SIGNED = new Uint8Array([9, 8, 7]);
const SIGNATURE = new Uint8Array(64).fill(5);

let server: Server;
let origin: string;
const requests: { path: string; body: unknown }[] = [];

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

beforeAll(async () => {
  // The purple transaction request (`/tx/*`) and a JSON-RPC node (`/rpc*`), over real HTTP.
  server = createServer((req, res) => {
    void bodyOf(req).then((body) => {
      const path = req.url ?? '';
      requests.push({ path, body });
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (path === '/tx/ok') answer(200, { transaction: Buffer.from(SERVED).toString('base64') });
      else if (path === '/tx/declined') answer(409, { message: `Expired. ${'x'.repeat(100)}` });
      else if (path === '/tx/garbage') answer(200, { nope: true });
      else if (path === '/rpc') answer(200, { jsonrpc: '2.0', id: 1, result: 'rpc-signature' });
      else if (path === '/rpc-error') {
        answer(200, {
          jsonrpc: '2.0',
          id: 1,
          error: { code: -32002, message: 'Blockhash not found' },
        });
      } else answer(404, { message: 'Not found' });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

interface WalletLog {
  connects: number;
  inputs: { transaction: Uint8Array; chain: string; account: string }[];
}

/** A Wallet Standard wallet as an extension provides it, recording what the page asked. */
function testWallet(
  mode: PaymentWallet['mode'],
  behaviour: { rejectConnect?: boolean; throwOnSign?: unknown } = {},
): { wallet: PaymentWallet; log: WalletLog } {
  const log: WalletLog = { connects: 0, inputs: [] };
  const account: WalletAccount = {
    address: ADDRESS,
    publicKey: new Uint8Array(32).fill(7),
    chains: ['solana:localnet'],
    features: [],
  };
  const sign = (input: { transaction: Uint8Array; chain?: string; account: WalletAccount }) => {
    if (behaviour.throwOnSign) throw behaviour.throwOnSign;
    log.inputs.push({
      transaction: input.transaction,
      chain: input.chain ?? '',
      account: input.account.address,
    });
  };
  const features: Record<string, unknown> = {
    'standard:connect': {
      version: '1.0.0',
      connect: async () => {
        log.connects++;
        if (behaviour.rejectConnect)
          throw Object.assign(new Error('User rejected'), { code: 4001 });
        return { accounts: [account] };
      },
    },
  };
  if (mode === 'sign-and-send') {
    features['solana:signAndSendTransaction'] = {
      version: '1.0.0',
      supportedTransactionVersions: ['legacy'],
      signAndSendTransaction: async (input: Parameters<typeof sign>[0]) => {
        sign(input);
        return [{ signature: SIGNATURE }];
      },
    };
  } else {
    features['solana:signTransaction'] = {
      version: '1.0.0',
      supportedTransactionVersions: ['legacy'],
      signTransaction: async (input: Parameters<typeof sign>[0]) => {
        sign(input);
        return [{ signedTransaction: SIGNED }];
      },
    };
  }
  const wallet: Wallet = {
    version: '1.0.0',
    name: 'Test wallet',
    icon: 'data:image/svg+xml;base64,',
    chains: ['solana:localnet'],
    features: features as Wallet['features'],
    accounts: [],
  };
  return { wallet: { wallet, mode }, log };
}

/** Pays the transaction request at `path` of the test server on the local chain. */
function pay(wallet: PaymentWallet, path: string, more: Partial<PayWithWalletInput> = {}) {
  return payWithWallet({ wallet, link: `${origin}${path}`, chain: 'solana:localnet', ...more });
}

function stepsOf(): { steps: WalletPaymentStep[]; onStep: (step: WalletPaymentStep) => void } {
  const steps: WalletPaymentStep[] = [];
  return { steps, onStep: (step) => steps.push(step) };
}

describe('payWithWallet', () => {
  it('connects, requests the transaction as the account, and has the wallet sign and send', async () => {
    const { wallet, log } = testWallet('sign-and-send');
    const { steps, onStep } = stepsOf();
    const result = await pay(wallet, '/tx/ok', { onStep });
    expect(result).toEqual({ ok: true, signature: encodeBase58(SIGNATURE) });
    expect(steps).toEqual(['connecting', 'preparing', 'approving', 'sending']);
    expect(requests.at(-1)).toEqual({ path: '/tx/ok', body: { account: ADDRESS } });
    expect(log.inputs).toEqual([
      { transaction: SERVED, chain: 'solana:localnet', account: ADDRESS },
    ]);
  });

  it('broadcasts through rpcUrl for a wallet that can only sign', async () => {
    const { wallet } = testWallet('sign-then-broadcast');
    const result = await pay(wallet, '/tx/ok', { rpcUrl: `${origin}/rpc` });
    expect(result).toEqual({ ok: true, signature: 'rpc-signature' });
    expect(requests.at(-1)).toMatchObject({
      path: '/rpc',
      body: {
        method: 'sendTransaction',
        params: [Buffer.from(SIGNED).toString('base64'), { encoding: 'base64' }],
      },
    });
  });

  it("passes on the node's refusal to broadcast", async () => {
    const { wallet } = testWallet('sign-then-broadcast');
    const result = await pay(wallet, '/tx/ok', { rpcUrl: `${origin}/rpc-error` });
    expect(result).toEqual({ ok: false, reason: 'wallet-failed', message: 'Blockhash not found' });
  });

  it('refuses a sign-only wallet up front when there is no rpcUrl to broadcast through', async () => {
    const { wallet, log } = testWallet('sign-then-broadcast');
    const { steps, onStep } = stepsOf();
    const result = await pay(wallet, '/tx/ok', { onStep });
    expect(result).toMatchObject({ ok: false, reason: 'wallet-failed' });
    expect(log.connects).toBe(0);
    expect(steps).toEqual([]);
  });

  it('reports a rejection in the wallet as cancelled, other wallet errors as failures', async () => {
    const rejected = await pay(
      testWallet('sign-and-send', { rejectConnect: true }).wallet,
      '/tx/ok',
    );
    expect(rejected).toEqual({
      ok: false,
      reason: 'cancelled',
      message: 'You cancelled the request in your wallet.',
    });
    const failed = await pay(
      testWallet('sign-and-send', { throwOnSign: new Error('Insufficient SOL') }).wallet,
      '/tx/ok',
    );
    expect(failed).toEqual({
      ok: false,
      reason: 'wallet-failed',
      message: 'Test wallet: Insufficient SOL',
    });
  });

  it("shows the transaction request's refusal (80 characters) and never asks the wallet to sign", async () => {
    const { wallet, log } = testWallet('sign-and-send');
    const declined = await pay(wallet, '/tx/declined');
    expect(declined).toEqual({
      ok: false,
      reason: 'declined-by-server',
      message: `Expired. ${'x'.repeat(71)}`,
    });
    const garbage = await pay(wallet, '/tx/garbage');
    expect(garbage).toMatchObject({ ok: false, reason: 'declined-by-server' });
    expect(log.inputs).toEqual([]);
  });

  it('says so when the transaction request cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const result = await payWithWallet({
      wallet: testWallet('sign-and-send').wallet,
      link: `http://127.0.0.1:${port}/tx/ok`,
      chain: 'solana:localnet',
    });
    expect(result).toEqual({
      ok: false,
      reason: 'declined-by-server',
      message: 'The payment service cannot be reached.',
    });
  });
});

describe('payWithWalletActivity', () => {
  it('reports busy steps, then what was sent', async () => {
    const seen: WalletActivity[] = [];
    const result = await payWithWalletActivity(
      {
        wallet: testWallet('sign-and-send').wallet,
        link: `${origin}/tx/ok`,
        chain: 'solana:localnet',
      },
      (activity) => seen.push(activity),
    );
    expect(result.ok).toBe(true);
    expect(seen).toEqual([
      { state: 'busy', walletName: 'Test wallet', step: 'connecting' },
      { state: 'busy', walletName: 'Test wallet', step: 'preparing' },
      { state: 'busy', walletName: 'Test wallet', step: 'approving' },
      { state: 'busy', walletName: 'Test wallet', step: 'sending' },
      { state: 'sent', walletName: 'Test wallet', signature: encodeBase58(SIGNATURE) },
    ]);
  });

  it('reports a declined request as cancelled, other failures as not', async () => {
    const last = async (wallet: PaymentWallet, path: string) => {
      let activity: WalletActivity | undefined;
      await payWithWalletActivity(
        { wallet, link: `${origin}${path}`, chain: 'solana:localnet' },
        (next) => (activity = next),
      );
      return activity;
    };
    expect(
      await last(testWallet('sign-and-send', { rejectConnect: true }).wallet, '/tx/ok'),
    ).toEqual({
      state: 'failed',
      message: 'You cancelled the request in your wallet.',
      cancelled: true,
    });
    expect(await last(testWallet('sign-and-send').wallet, '/tx/declined')).toMatchObject({
      state: 'failed',
      cancelled: false,
    });
  });
});
