import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, Keypair, SystemProgram, Transaction } from '@solana/web3.js';
import { startLocalChain, type LocalChain } from '@solpay/testkit';
import { createDevWallet, type DevWallet } from './create-dev-wallet';

let dir: string;
let chain: LocalChain;
let wallet: DevWallet;
let server: http.Server;
let base: string;
let connection: Connection;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dev-wallet-'));
  chain = await startLocalChain({ keypairDir: dir, slotMs: 50 });
  connection = new Connection(chain.rpcUrl, 'confirmed');
  wallet = createDevWallet({
    name: 'Local test wallet',
    keypairPath: chain.keypairPaths?.buyer ?? '',
    rpcUrl: chain.rpcUrl,
  });
  server = http.createServer((req, res) => {
    wallet.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end('static');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  await chain.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What our purple serves: fee payer = gas (signed), the buyer's signature missing. */
async function servedTransfer(lamports: number, signGas = true): Promise<string> {
  const { blockhash } = await connection.getLatestBlockhash();
  const tx = new Transaction({ feePayer: chain.gas.publicKey, recentBlockhash: blockhash }).add(
    SystemProgram.transfer({
      fromPubkey: chain.buyer.publicKey,
      toPubkey: chain.merchant.publicKey,
      lamports,
    }),
  );
  if (signGas) tx.partialSign(chain.gas);
  return tx.serialize({ requireAllSignatures: false, verifySignatures: false }).toString('base64');
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/dev/wallet/sign-and-send`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function waitConfirmed(signature: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { value } = await connection.getSignatureStatuses([signature]);
    const status = value[0];
    if (status?.err) throw new Error(`transaction failed: ${JSON.stringify(status.err)}`);
    if (status?.confirmationStatus === 'confirmed' || status?.confirmationStatus === 'finalized')
      return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('not confirmed');
}

describe('dev wallet endpoints', () => {
  it('GET /dev/wallet names the wallet and its key (the buyer keypair file)', async () => {
    const response = await fetch(`${base}/dev/wallet`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      name: 'Local test wallet',
      publicKey: chain.buyer.publicKey.toBase58(),
      chains: ['solana:localnet'],
    });
    expect(wallet.publicKey).toBe(chain.buyer.publicKey.toBase58());
  });

  it('GET /dev/wallet.js serves the Wallet Standard registration script', async () => {
    const response = await fetch(`${base}/dev/wallet.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    const script = await response.text();
    expect(script).toContain('wallet-standard:register-wallet');
    expect(script).toContain('"/dev/wallet"');
    expect(wallet.headHtml).toBe('<script type="module" src="/dev/wallet.js"></script>');
  });

  it('leaves other paths to the server', async () => {
    expect(await (await fetch(`${base}/pay/abc`)).text()).toBe('static');
  });

  it('signs a served transaction as the buyer and lands it on the chain', async () => {
    const before = await connection.getBalance(chain.merchant.publicKey);
    const response = await post({ transaction: await servedTransfer(12_345) });
    const body = (await response.json()) as { signature: string };
    expect(response.status).toBe(200);
    await waitConfirmed(body.signature);
    expect(await connection.getBalance(chain.merchant.publicKey)).toBe(before + 12_345);
  });

  it('refuses a transaction missing another signature, and sends nothing', async () => {
    const before = await connection.getBalance(chain.merchant.publicKey);
    const response = await post({ transaction: await servedTransfer(777, false) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: expect.stringContaining('is missing') });
    expect(await connection.getBalance(chain.merchant.publicKey)).toBe(before);
  });

  it('reports a transaction the chain refuses as 422 with its reason', async () => {
    const { blockhash } = await connection.getLatestBlockhash();
    const poorPayer = Keypair.generate();
    const tx = new Transaction({ feePayer: poorPayer.publicKey, recentBlockhash: blockhash }).add(
      SystemProgram.transfer({
        fromPubkey: chain.buyer.publicKey,
        toPubkey: chain.merchant.publicKey,
        lamports: 1,
      }),
    );
    tx.partialSign(poorPayer);
    const response = await post({
      transaction: tx.serialize({ requireAllSignatures: false }).toString('base64'),
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { message: string }).message).toMatch(/refused/);
  });

  it('rejects bad requests with a message', async () => {
    expect((await post('not json')).status).toBe(400);
    expect((await post({ transaction: '***' })).status).toBe(400);
    expect((await post({})).status).toBe(400);
    expect((await post({ transaction: 'AQID' }, { 'Content-Type': 'text/plain' })).status).toBe(
      415,
    );
    expect((await post({ transaction: 'AQID' }, { Origin: 'https://evil.example' })).status).toBe(
      403,
    );
    expect((await fetch(`${base}/dev/wallet/sign-and-send`)).status).toBe(405);
    expect((await fetch(`${base}/dev/wallet`, { method: 'POST' })).status).toBe(405);
  });
});
