import { afterAll, beforeAll } from '@jest/globals';

/** What every contract suite's fixture or driver may release when its suite ends. */
export interface ClosableFixture {
  close?: () => Promise<void>;
}

/**
 * Builds a contract suite's fixture once before its tests (handing it to `use`) and closes it
 * after them, each hook held to `timeoutMs` (a database adapter needs more than jest's 5 s on a
 * busy machine). Call it inside the suite's `describe`.
 */
export function useContractFixture<F extends ClosableFixture>(
  make: () => Promise<F>,
  timeoutMs: number,
  use: (fixture: F) => void,
): void {
  let made: F | undefined;
  beforeAll(async () => {
    made = await make();
    use(made);
  }, timeoutMs);
  afterAll(async () => {
    await made?.close?.();
  }, timeoutMs);
}
