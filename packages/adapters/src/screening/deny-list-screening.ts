import { readFile } from 'node:fs/promises';
import type { WalletScreeningPort } from '@solpay/domain';

/**
 * The local default screening: a file with one wallet address per line (`#` starts a comment).
 * Re-read when its modification time changes is unnecessary for Lambda, so it is read once.
 * Without a file every wallet passes.
 */
export function createDenyListScreening(path: string | undefined): WalletScreeningPort {
  let denied: Promise<Set<string>> | undefined;
  const load = async () => {
    if (!path) return new Set<string>();
    const text = await readFile(path, 'utf8');
    return new Set(
      text
        .split('\n')
        .map((line) => line.replace(/#.*/, '').trim())
        .filter(Boolean),
    );
  };
  return {
    async screen(wallet) {
      denied ??= load();
      return (await denied).has(wallet)
        ? { risky: true, reason: 'wallet is on the deny list' }
        : { risky: false };
    },
  };
}
