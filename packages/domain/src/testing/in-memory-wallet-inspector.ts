import type { WalletInspection, WalletInspectorPort } from '../merchants/wallet-inspector-port';

/** {@link WalletInspectorPort} over addresses described in memory (unknown → a plain wallet). */
export class InMemoryWalletInspector implements WalletInspectorPort {
  private readonly kinds = new Map<string, WalletInspection['kind']>();
  private readonly tokenAccounts = new Set<string>();

  /** Declares what `address` is on chain. */
  setKind(address: string, kind: WalletInspection['kind']): void {
    this.kinds.set(address, kind);
  }

  /** Gives `wallet` an associated token account of `mint`. */
  addTokenAccount(wallet: string, mint: string): void {
    this.tokenAccounts.add(`${wallet}|${mint}`);
  }

  async inspect(wallet: string, mint: string): Promise<WalletInspection> {
    return {
      kind: this.kinds.get(wallet) ?? 'wallet',
      hasTokenAccount: this.tokenAccounts.has(`${wallet}|${mint}`),
    };
  }
}
