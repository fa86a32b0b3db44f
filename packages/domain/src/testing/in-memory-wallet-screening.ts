import type { ScreeningResult, WalletScreeningPort } from '../ports/wallet-screening-port';

/** {@link WalletScreeningPort} over a deny list (like the local deny-list screening). */
export class InMemoryWalletScreening implements WalletScreeningPort {
  private readonly flagged = new Map<string, string>();
  /** Wallets screened, in order. */
  readonly screened: string[] = [];
  /** Set to make screening fail, as an unreachable screening service does. */
  unavailable = false;

  /** Flags `wallet` with `reason`. */
  flag(wallet: string, reason = 'sanctions list'): void {
    this.flagged.set(wallet, reason);
  }

  async screen(wallet: string): Promise<ScreeningResult> {
    this.screened.push(wallet);
    if (this.unavailable) throw new Error('Screening service unavailable');
    const reason = this.flagged.get(wallet);
    return reason === undefined ? { risky: false } : { risky: true, reason };
  }
}
