/** Result of screening a wallet against sanctions/risk data. */
export type ScreeningResult = { risky: false } | { risky: true; reason: string };

/** Wallet screening (TRM-style HTTP API, or a local deny list). */
export interface WalletScreeningPort {
  /** Screens a base58 wallet address. Throws when the screening service is unavailable. */
  screen(wallet: string): Promise<ScreeningResult>;
}
