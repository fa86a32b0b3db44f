import type { MerchantDeps } from './merchant-deps';
import { noTokenAccountWarning } from './set-payout-wallet';
import { BusinessRuleViolationError, InvalidInputError } from '../errors';

/** The saved choice, and a warning when the payout wallet has no account for that token. */
export interface SettlementTokenResult {
  settlementToken: string;
  mint: string;
  warning?: string;
}

/**
 * Sets the token the merchant settles in (portal settings, DESIGN §3.5). Only tokens this
 * deployment offers are accepted (400 naming the symbol and the choices); sessions created from
 * now on use it, existing ones keep theirs. The payout wallet, when set, is checked for an
 * account of the new mint like at wallet entry: missing → saved with a warning (the first
 * payment creates it; the gas wallet pays its rent).
 */
export async function setSettlementToken(
  deps: Pick<MerchantDeps, 'merchants' | 'wallets' | 'policy'>,
  merchantId: string,
  symbol: string,
): Promise<SettlementTokenResult> {
  const token = deps.policy.tokens.find((row) => row.symbol === symbol);
  if (!token) {
    throw new InvalidInputError(
      `Unknown settlement token ${symbol.slice(0, 20)}: choose one of ${deps.policy.tokens.map((row) => row.symbol).join(', ')}`,
      { details: { path: 'settlementToken' } },
    );
  }
  const merchant = await deps.merchants.findMerchant(merchantId);
  if (!merchant) throw new BusinessRuleViolationError('Unknown merchant');
  let warning: string | undefined;
  if (merchant.payoutWallet) {
    const inspection = await deps.wallets.inspect(
      merchant.payoutWallet,
      token.mint,
      token.tokenProgram,
    );
    if (inspection.kind === 'wallet' && !inspection.hasTokenAccount) {
      warning = noTokenAccountWarning(token.symbol);
    }
  }
  await deps.merchants.setSettlementToken({
    merchantId,
    settlementToken: token.symbol,
    settlementMint: token.mint,
  });
  return { settlementToken: token.symbol, mint: token.mint, ...(warning ? { warning } : {}) };
}
