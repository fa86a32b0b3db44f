/** Which side of the money flow a record is: a buyer's payment or a merchant's refund. */
export type RecordKind = 'payment' | 'refund';

/** The lifecycle states shared by payments and refunds (the `RecordStatus` enum of `prisma/schema.prisma`). */
export const RECORD_STATUSES = ['OPEN', 'PAID', 'REJECTING', 'REJECTED'] as const;

/** Lifecycle shared by payments and refunds (see `prisma/schema.prisma`). */
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/**
 * What the transaction engine needs to know about a payment or refund: who pays whom, how much,
 * and where it stands. Payments pay the merchant's payout wallet; refunds pay the buyer's
 * paying wallet back.
 */
export interface PayableRecord {
  kind: RecordKind;
  /** Our id (UUID), used in public URLs. */
  id: string;
  merchantId: string;
  /** Permanent `*.myshopify.com` domain of the merchant. */
  shop: string;
  /** Shopify's session `id` (idempotency key), part of the guard derivation. */
  shopifyId: string;
  status: RecordStatus;
  /** Fiat amount as a decimal string, and its ISO 4217 currency. */
  amount: string;
  currency: string;
  /** Token mint (base58), its decimals, and the exact amount in base units. */
  mint: string;
  decimals: number;
  /** Symbol of the token (`USDC`, `EURC`, `PYUSD`…) and the program owning its mint. */
  tokenSymbol: string;
  tokenProgram: string;
  tokenAmount: bigint;
  /** Owner wallet that receives the tokens; null for a refund whose payment has no payer yet. */
  recipientWallet: string | null;
  /** Solana Pay reference key attached to the transfer. */
  referenceKey: string;
  /** Name shown to the wallet (merchant's shop name). */
  label: string;
  /** After this instant an open payment is expired and rejected; null = no expiry (refunds). */
  expiresAt: Date | null;
  /** Signature of the transaction that paid it, once paid. */
  signature: string | null;
  /** Transaction requests refused by wallet screening (payments; 0 for refunds). */
  screeningHits: number;
  /**
   * False once the shop uninstalled the app (or was redacted): nothing is served for its
   * records any more (410), and Shopify is not told about them (it cancels such sessions).
   */
  shopInstalled: boolean;
}

/** Identifies one single-use guard: the record it protects and its generation. */
export interface GuardRef {
  shop: string;
  kind: RecordKind;
  shopifyId: string;
  generation: number;
}

/** Builds the {@link GuardRef} of a record for a given generation. */
export function guardRefOf(record: PayableRecord, generation: number): GuardRef {
  return { shop: record.shop, kind: record.kind, shopifyId: record.shopifyId, generation };
}
