import { describe, expect, it } from '@jest/globals';
import { useContractFixture } from './use-contract-fixture';
import type { ChainPort } from '../ports/chain-port';
import type { GuardRef } from '../records/payable-record';

/** A chain behind a {@link ChainPort}, with the wallets and the cluster a test plays. */
export interface ChainContractDriver {
  chain: ChainPort;
  /** A wallet holding at least 100 units of `mint`, which the driver can sign for. */
  payer: string;
  /** A second funded wallet the driver can sign for. */
  otherPayer: string;
  recipient: string;
  mint: string;
  tokenProgram: string;
  decimals: number;
  /** A fresh reference key (a public key on a real cluster). */
  newReference(): string;
  /** The payer of a served transaction signs it and sends it; null when the cluster refused it. */
  walletSends(base64: string, payer: string): Promise<string | null>;
  /** Blocks are produced: what was sent has landed and is `confirmed`, not yet `finalized`. */
  produceBlock(): Promise<void>;
  /** Everything landed so far reaches `finalized`. */
  finalize(): Promise<void>;
  /** A third party sends lamports to an address (to block a guard). */
  prefund(address: string): Promise<void>;
  /** Enough blocks pass that every blockhash handed out so far has expired. */
  expireBlockhashes(): Promise<void>;
  /** Base units of `mint` the wallet holds (0 when it has no account). */
  balance(wallet: string): Promise<bigint>;
  close?: () => Promise<void>;
}

/**
 * What the money rules rely on from a {@link ChainPort}, run against every implementation: the
 * web3.js adapter on the local LiteSVM chain in an integration test, the in-memory chain in a
 * unit test — so the double the unit tests stand on behaves as the chain does: one transaction
 * per guard, failed ones reported as failed, finality awaited, burns and pre-funding block a
 * guard, validation read from the landed transaction.
 */
export function describeChainPortContract(
  name: string,
  makeDriver: () => Promise<ChainContractDriver>,
  { timeoutMs = 5_000 }: { timeoutMs?: number } = {},
): void {
  describe(`ChainPort contract: ${name}`, () => {
    let driver: ChainContractDriver;
    let guards = 0;
    useContractFixture(makeDriver, timeoutMs, (made) => {
      driver = made;
    });

    const newGuard = (): GuardRef => {
      guards += 1;
      return {
        shop: 'contract.myshopify.com',
        kind: 'payment',
        shopifyId: `s-${guards}`,
        generation: 0,
      };
    };
    const AMOUNT = 1_250_000n;
    const build = async (
      guard: GuardRef,
      change: { payer?: string; recipient?: string; reference?: string } = {},
    ) => {
      const reference = change.reference ?? driver.newReference();
      const built = await driver.chain.buildTransfer({
        guard,
        payer: change.payer ?? driver.payer,
        recipientWallet: change.recipient ?? driver.recipient,
        mint: driver.mint,
        tokenProgram: driver.tokenProgram,
        tokenSymbol: 'USDC',
        decimals: driver.decimals,
        amount: AMOUNT,
        reference,
      });
      if (!built.ok) throw new Error(`build failed: ${built.message}`);
      return { ...built, reference };
    };
    const expectation = (guard: GuardRef, reference: string, recipient = driver.recipient) => ({
      guard,
      mint: driver.mint,
      tokenProgram: driver.tokenProgram,
      decimals: driver.decimals,
      amount: AMOUNT,
      recipientWallet: recipient,
      reference,
    });

    it(
      'a served transfer pays once it lands, and counts only once finalized',
      async () => {
        const guard = newGuard();
        expect(await driver.chain.inspectGuard(guard, [])).toEqual({ state: 'fresh' });
        const built = await build(guard);
        expect(built.guardAddress).toBe(driver.chain.guardAddress(guard));
        const before = await driver.balance(driver.recipient);

        const signature = await driver.walletSends(built.base64, driver.payer);
        expect(signature).toBe(built.signature);
        await driver.produceBlock();

        expect(await driver.chain.inspectGuard(guard, [built.signature])).toEqual({
          state: 'consumed-by-us',
          signature: built.signature,
        });
        expect(
          await driver.chain.validateTransfer(built.signature, expectation(guard, built.reference)),
        ).toMatchObject({
          ok: false,
          reason: 'not-yet-committed',
        });
        expect(
          (await driver.chain.signatureStates([built.signature])).get(built.signature),
        ).toEqual({
          committed: false,
          failed: false,
        });
        expect(await driver.chain.guardConsumed(guard)).toBe(false);

        await driver.finalize();
        expect(
          await driver.chain.validateTransfer(built.signature, expectation(guard, built.reference)),
        ).toMatchObject({
          ok: true,
          payer: driver.payer,
        });
        expect(
          (await driver.chain.signatureStates([built.signature])).get(built.signature),
        ).toEqual({
          committed: true,
          failed: false,
        });
        expect(await driver.chain.guardConsumed(guard)).toBe(true);
        expect(await driver.balance(driver.recipient)).toBe(before + AMOUNT);
      },
      timeoutMs,
    );

    it(
      'only one transaction per guard can land: a second one fails on chain and moves nothing',
      async () => {
        const guard = newGuard();
        const first = await build(guard);
        const second = await build(guard, { payer: driver.otherPayer });
        expect(second.signature).not.toBe(first.signature);
        const before = await driver.balance(driver.recipient);

        await driver.walletSends(first.base64, driver.payer);
        await driver.produceBlock();
        const sent = await driver.walletSends(second.base64, driver.otherPayer);
        await driver.produceBlock();
        await driver.finalize();

        expect(await driver.balance(driver.recipient)).toBe(before + AMOUNT);
        if (sent !== null) {
          expect((await driver.chain.signatureStates([sent])).get(sent)).toEqual({
            committed: false,
            failed: true,
          });
          expect(
            await driver.chain.validateTransfer(sent, expectation(guard, second.reference)),
          ).toMatchObject({
            ok: false,
            reason: 'failed-on-chain',
          });
        }
        expect(await driver.chain.inspectGuard(guard, [first.signature, second.signature])).toEqual(
          {
            state: 'consumed-by-us',
            signature: first.signature,
          },
        );
      },
      timeoutMs,
    );

    it(
      'a burn blocks the guard: a served transfer sent after it fails, and the burn counts once finalized',
      async () => {
        const guard = newGuard();
        const served = await build(guard);
        const burn = await driver.chain.submitBurn(guard);
        expect(burn).toEqual({ outcome: 'submitted', signature: expect.any(String) });
        await driver.produceBlock();
        expect(await driver.chain.guardConsumed(guard)).toBe(false);
        expect(await driver.chain.inspectGuard(guard, [served.signature])).toEqual({
          state: 'blocked',
        });
        expect(await driver.chain.submitBurn(guard)).toEqual({ outcome: 'already-consumed' });

        const before = await driver.balance(driver.recipient);
        const late = await driver.walletSends(served.base64, driver.payer);
        await driver.produceBlock();
        await driver.finalize();
        expect(await driver.chain.guardConsumed(guard)).toBe(true);
        expect(await driver.balance(driver.recipient)).toBe(before);
        if (late !== null) {
          expect((await driver.chain.signatureStates([late])).get(late)?.failed).toBe(true);
        }
      },
      timeoutMs,
    );

    it(
      'a payment that lands before the burn wins: the burn fails and the guard reads consumed by the payment',
      async () => {
        const guard = newGuard();
        const served = await build(guard);
        await driver.walletSends(served.base64, driver.payer);
        await driver.produceBlock();
        expect(await driver.chain.submitBurn(guard)).toEqual({ outcome: 'already-consumed' });
        await driver.finalize();
        expect(await driver.chain.inspectGuard(guard, [served.signature])).toEqual({
          state: 'consumed-by-us',
          signature: served.signature,
        });
        expect(
          await driver.chain.validateTransfer(
            served.signature,
            expectation(guard, served.reference),
          ),
        ).toMatchObject({
          ok: true,
        });
      },
      timeoutMs,
    );

    it(
      'a guard pre-funded by a third party reads blocked, and nothing built with it can pay',
      async () => {
        const guard = newGuard();
        const served = await build(guard);
        await driver.prefund(driver.chain.guardAddress(guard));
        await driver.produceBlock();
        expect(await driver.chain.inspectGuard(guard, [served.signature])).toEqual({
          state: 'blocked',
        });
        const before = await driver.balance(driver.recipient);
        await driver.walletSends(served.base64, driver.payer);
        await driver.produceBlock();
        await driver.finalize();
        expect(await driver.balance(driver.recipient)).toBe(before);
      },
      timeoutMs,
    );

    it(
      'a self-transfer lands and consumes the guard but pays nothing (balance-mismatch)',
      async () => {
        const guard = newGuard();
        const served = await build(guard, { recipient: driver.payer });
        await driver.walletSends(served.base64, driver.payer);
        await driver.produceBlock();
        await driver.finalize();
        expect(
          await driver.chain.validateTransfer(
            served.signature,
            expectation(guard, served.reference, driver.payer),
          ),
        ).toMatchObject({ ok: false, reason: 'balance-mismatch' });
      },
      timeoutMs,
    );

    it(
      'validation refuses a landed transfer that does not match: another recipient, another reference, another guard',
      async () => {
        const guard = newGuard();
        const served = await build(guard);
        await driver.walletSends(served.base64, driver.payer);
        await driver.produceBlock();
        await driver.finalize();
        const base = expectation(guard, served.reference);
        expect(
          await driver.chain.validateTransfer(served.signature, {
            ...base,
            recipientWallet: driver.otherPayer,
          }),
        ).toMatchObject({
          ok: false,
          reason: 'wrong-destination',
        });
        expect(
          await driver.chain.validateTransfer(served.signature, {
            ...base,
            reference: driver.newReference(),
          }),
        ).toMatchObject({ ok: false, reason: 'missing-reference' });
        expect(
          await driver.chain.validateTransfer(served.signature, { ...base, guard: newGuard() }),
        ).toMatchObject({
          ok: false,
          reason: 'missing-guard',
        });
        expect(
          await driver.chain.validateTransfer(served.signature, { ...base, amount: AMOUNT + 1n }),
        ).toMatchObject({
          ok: false,
          reason: 'wrong-amount',
        });
      },
      timeoutMs,
    );

    it(
      'a transaction whose blockhash expired never lands',
      async () => {
        const guard = newGuard();
        const served = await build(guard);
        const height = await driver.chain.getBlockHeight();
        expect(served.lastValidBlockHeight).toBeGreaterThan(height);
        await driver.expireBlockhashes();
        expect(await driver.chain.getBlockHeight()).toBeGreaterThan(served.lastValidBlockHeight);
        await driver.walletSends(served.base64, driver.payer);
        await driver.produceBlock();
        await driver.finalize();
        expect(
          (await driver.chain.signatureStates([served.signature])).get(served.signature),
        ).toBeNull();
        expect(await driver.chain.inspectGuard(guard, [served.signature])).toEqual({
          state: 'fresh',
        });
      },
      timeoutMs,
    );
  });
}
