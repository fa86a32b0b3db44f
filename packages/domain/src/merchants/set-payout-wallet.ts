import { DEFAULT_SETTLEMENT_TOKEN, type SettlementToken } from '../money/settlement-tokens';
import type { MerchantDeps } from './merchant-deps';
import { decodeBase58 } from '../encoding/decode-base58';
import { BusinessRuleViolationError, InvalidInputError } from '../errors';

/** The saved wallet, and a warning the merchant should read (e.g. no USDC account yet). */
export interface PayoutWalletResult {
  payoutWallet: string;
  warning?: string;
}

const NOT_A_WALLET: Record<'token-account' | 'mint' | 'program', string> = {
  'token-account': 'This is a token account, not a wallet: enter the wallet (owner) address',
  mint: 'This is a token mint, not a wallet: enter your wallet address',
  program: 'This is a program, not a wallet: enter your wallet address',
};

/**
 * Sets the merchant's payout wallet: it must be a base58 32-byte public key (400), not a mint,
 * Circle pre-mint address or program we know of (422), and not an SPL token account, mint or
 * program on chain (422). When the wallet has no token account for the settlement mint yet, it
 * is saved with a warning (the first payment creates the account; the gas wallet pays its rent).
 */
export async function setPayoutWallet(
  deps: Pick<MerchantDeps, 'merchants' | 'wallets' | 'policy'>,
  merchantId: string,
  payoutWallet: string,
): Promise<PayoutWalletResult> {
  const wallet = payoutWallet.trim();
  if (decodeBase58(wallet)?.length !== 32) {
    throw new InvalidInputError('payoutWallet must be a Solana address (base58, 32 bytes)', {
      details: { path: 'payoutWallet' },
    });
  }
  if (deps.policy.forbiddenPayoutWallets.includes(wallet)) {
    throw new BusinessRuleViolationError(
      'This address belongs to a token issuer or a program and cannot receive payouts: enter your own wallet address',
    );
  }
  const profile = await deps.merchants.findMerchant(merchantId);
  const token = merchantToken(deps.policy.tokens, profile?.settlementToken);
  const inspection = await deps.wallets.inspect(wallet, token.mint, token.tokenProgram);
  if (inspection.kind !== 'wallet')
    throw new BusinessRuleViolationError(NOT_A_WALLET[inspection.kind]);
  await deps.merchants.setPayoutWallet({
    merchantId,
    payoutWallet: wallet,
    settlementMint: token.mint,
  });
  if (inspection.hasTokenAccount) return { payoutWallet: wallet };
  return { payoutWallet: wallet, warning: noTokenAccountWarning(token.symbol) };
}

/** The warning for a payout wallet without an account for the settlement token yet. */
export function noTokenAccountWarning(symbol: string): string {
  return `This wallet has no ${symbol} account yet. The first payment creates it, but check that the address is the one your wallet app shows.`;
}

/**
 * The offered token a merchant settles in (its choice, else the default, else the first offered).
 *
 * @throws {BusinessRuleViolationError} when this deployment offers no settlement token at all.
 */
export function merchantToken(
  tokens: readonly SettlementToken[],
  symbol: string | undefined,
): SettlementToken {
  const token =
    tokens.find((row) => row.symbol === symbol) ??
    tokens.find((row) => row.symbol === DEFAULT_SETTLEMENT_TOKEN) ??
    tokens[0];
  if (!token) throw new BusinessRuleViolationError('This deployment offers no settlement token');
  return token;
}
