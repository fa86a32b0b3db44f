import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readChainSnapshot, readSimulatorSnapshot } from '@solpay/testkit';

/** Where the local stack keeps each stateful part under its data folder. */
export function localStatePaths(dataDir: string) {
  return {
    database: join(dataDir, 'pgdata'),
    chain: join(dataDir, 'chain-state.json'),
    shopify: join(dataDir, 'shopify-state.json'),
    buyerWallet: join(dataDir, 'wallets', 'buyer.json'),
  };
}

/** Which stateful parts this stack runs itself (the others come from the environment). */
export interface OwnedParts {
  database: boolean;
  chain: boolean;
  shopify: boolean;
}

/** Outcome of {@link reconcileLocalState}. */
export interface LocalStateCheck {
  /** The id the parts share (kept from the saved state, or new). */
  stateId: string;
  /** Why the saved state was thrown away, when it was. */
  resetReason?: string;
}

/**
 * Makes the database, chain and Shopify simulator under `dataDir` belong together before any of
 * them starts: they were written in one run (the chain and simulator snapshots carry the same
 * state id, and the database sits beside them), or they are all deleted and start fresh together.
 * Never a database whose payments point at a chain or orders that no longer exist.
 */
export function reconcileLocalState(dataDir: string, owned: OwnedParts): LocalStateCheck {
  const paths = localStatePaths(dataDir);
  const database = owned.database && existsSync(paths.database);
  const chain = owned.chain ? readChainSnapshot(paths.chain) : undefined;
  const shopify = owned.shopify ? readSimulatorSnapshot(paths.shopify) : undefined;
  const saved = [database, chain !== undefined, shopify !== undefined];
  const expected = [owned.database, owned.chain, owned.shopify];
  if (!saved.some(Boolean)) return { stateId: randomUUID() };

  const problems: string[] = [];
  if (owned.database && !database) problems.push('the database is missing');
  if (owned.chain && !chain) {
    problems.push(
      existsSync(paths.chain)
        ? 'the chain snapshot cannot be read'
        : 'no chain snapshot was kept (a stack from before snapshots)',
    );
  }
  if (owned.shopify && !shopify) problems.push('no Shopify simulator state was kept');
  if (chain && shopify && chain.stateId !== shopify.stateId) {
    problems.push('the chain and the Shopify simulator come from different runs');
  }
  if (chain && !existsSync(paths.buyerWallet)) problems.push('the test wallet keys are missing');
  const id = chain?.stateId ?? shopify?.stateId;
  if (problems.length === 0 && id !== undefined && expected.every((x, i) => !x || saved[i])) {
    return { stateId: id };
  }
  if (owned.database) rmSync(paths.database, { recursive: true, force: true });
  if (owned.chain) rmSync(paths.chain, { force: true });
  if (owned.shopify) rmSync(paths.shopify, { force: true });
  return {
    stateId: randomUUID(),
    resetReason: problems.join('; ') || 'the saved state is incomplete',
  };
}
