import type { RecordKind, RecordStatus } from '../records/payable-record';
import type { NewPaymentRecord } from '../ports/session-store-port';
import type { NewRefundRecord } from '../refunds/refund-session-store-port';
import type { RefundRecordFields } from '../refunds/refund-record-fields';
import type { Clock } from '../ports/clock';
import { systemClock } from '../ports/clock';
import { formatTokenAmount } from '../money/format-token-amount';
import { parseExactDecimal } from '../money/to-token-units';

/** A decimal string as a PostgreSQL `numeric` reads back through Prisma (`Decimal#toFixed()`: `10.00` → `10`). */
export function numericText(text: string): string {
  const { units, scale } = parseExactDecimal(text);
  return formatTokenAmount(units, scale, { minFractionDigits: 0 });
}

/** `SUM(amount)` of numeric strings, exact (`0` for none). */
export function sumNumeric(values: readonly string[]): string {
  const parsed = values.map((value) => parseExactDecimal(value));
  const scale = Math.max(0, ...parsed.map((value) => value.scale));
  const units = parsed.reduce(
    (total, value) => total + value.units * 10n ** BigInt(scale - value.scale),
    0n,
  );
  return formatTokenAmount(units, scale, { minFractionDigits: 0 });
}

/** A merchant row (`merchants`). */
export interface MerchantRow {
  id: string;
  shopDomain: string;
  displayName: string | null;
  payoutWallet: string | null;
  settlementMint: string | null;
  settlementToken: string;
  installState: 'INSTALLED' | 'UNINSTALLED' | 'REDACTED';
  installedAt: Date;
  uninstalledAt: Date | null;
  configured: boolean;
  termsAcceptedAt: Date | null;
  accessTokenEnc: string | null;
  accessTokenExpiresAt: Date | null;
  refreshTokenEnc: string | null;
  refreshTokenExpiresAt: Date | null;
  scopes: string | null;
}

/** Columns payments and refunds share once they can be paid. */
interface PayableColumns {
  id: string;
  merchantId: string;
  status: RecordStatus;
  recipientWallet: string | null;
  signature: string | null;
  slot: bigint | null;
  blockTime: Date | null;
  paidAt: Date | null;
  rejectCode: string | null;
  rejectReason: string | null;
  /** Set when the record was closed (or paid) after its shop left: Shopify is never told. */
  orphanedAt: Date | null;
  createdAt: Date;
  /** Order of the last change (the clock may stand still in tests). */
  updatedSeq: number;
}

/** A payment row (`payment_records`). */
export interface PaymentRow extends Omit<NewPaymentRecord, 'quote'>, PayableColumns {
  quoteRate: string | null;
  quoteFeeds: Array<{ symbol: string; id: string }> | null;
  quotePublishedAt: Date | null;
  quoteExpiresAt: Date | null;
  buyerWallet: string | null;
  screeningHits: number;
  lastScreeningHitAt: Date | null;
  /** Where Shopify said to send the buyer after the resolve or reject. */
  redirectUrl: string | null;
}

/** A refund row (`refund_records`). */
export interface RefundRow
  extends
    NewRefundRecord,
    PayableColumns,
    Pick<
      RefundRecordFields,
      'paymentId' | 'tokenAmount' | 'tokenMint' | 'tokenDecimals' | 'tokenSymbol' | 'tokenProgram'
    > {}

/** A single-use guard row (`single_use_guards`). */
export interface GuardRow {
  id: string;
  pubkey: string;
  kind: RecordKind;
  recordId: string;
  generation: number;
  status: 'ACTIVE' | 'CONSUMED' | 'BURNED' | 'ABANDONED' | 'SWEPT';
  consumedSignature: string | null;
  sweptSignature: string | null;
  lastValidBlockHeight: bigint;
  updatedSeq: number;
}

/** A served transaction row (`served_transactions`). */
export interface ServedRow {
  signature: string;
  kind: RecordKind;
  recordId: string;
  guardId: string;
  guardPubkey: string;
  guardGeneration: number;
  account: string;
  lastValidBlockHeight: bigint;
  status: 'SERVED' | 'LANDED' | 'FAILED' | 'EXPIRED' | 'REFUSED';
  createdSeq: number;
}

/** The five Shopify mutations the outbox carries. */
export type MutationKind =
  | 'PAYMENT_SESSION_RESOLVE'
  | 'PAYMENT_SESSION_REJECT'
  | 'REFUND_SESSION_RESOLVE'
  | 'REFUND_SESSION_REJECT'
  | 'PAYMENTS_APP_CONFIGURE';

/** An outbox row (`shopify_mutations`). */
export interface MutationRow {
  id: string;
  kind: MutationKind;
  dedupeKey: string;
  merchantId: string;
  paymentId: string | null;
  refundId: string | null;
  variables: Record<string, unknown>;
  apiVersion: string | null;
  status: 'PENDING' | 'IN_FLIGHT' | 'SUCCEEDED' | 'FAILED' | 'EXHAUSTED';
  lastError: string | null;
  createdAt: Date;
  createdSeq: number;
}

/** An OAuth `state` nonce row. */
export interface OAuthStateRow {
  nonce: string;
  shopDomain: string;
  expiresAt: Date;
  consumedAt: Date | null;
}

/** A portal session row. */
export interface PortalSessionRow {
  id: string;
  merchantId: string;
  csrfToken: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The tables the in-memory adapters share, so that a payment created through the session store
 * is the one the record store serves and the refund store refunds — as with one PostgreSQL
 * database. Each adapter method does its whole "transaction" without awaiting in between, so it
 * is atomic, as the Prisma adapters are under their row locks; concurrent use cases still
 * interleave between their calls. Ids are UUID-shaped and deterministic.
 */
export class InMemoryDatabase {
  readonly merchants = new Map<string, MerchantRow>();
  readonly payments = new Map<string, PaymentRow>();
  readonly refunds = new Map<string, RefundRow>();
  readonly guards = new Map<string, GuardRow>();
  readonly served = new Map<string, ServedRow>();
  readonly mutations = new Map<string, MutationRow>();
  readonly oauthStates = new Map<string, OAuthStateRow>();
  readonly portalSessions = new Map<string, PortalSessionRow>();
  /** Inbound webhook ids already handled (`inbound_events`). */
  readonly inboundEvents = new Set<string>();
  private ids = 0;
  private seq = 0;

  constructor(readonly clock: Clock = systemClock) {}

  /** A fresh UUID-shaped id (deterministic: the n-th id of this database). */
  newId(): string {
    this.ids += 1;
    return `00000000-0000-4000-8000-${this.ids.toString(16).padStart(12, '0')}`;
  }

  /** Next value of the change order (what `updated_at`/`created_at` order by). */
  tick(): number {
    this.seq += 1;
    return this.seq;
  }

  /** Whether `id` can name a row (ids are UUIDs; anything else never reaches a uuid column). */
  static isId(id: string): boolean {
    return UUID.test(id);
  }

  /** The payment or refund row of a record, or undefined. */
  record(kind: RecordKind, id: string): PaymentRow | RefundRow | undefined {
    return kind === 'payment' ? this.payments.get(id) : this.refunds.get(id);
  }

  /**
   * Writes a Shopify mutation to the outbox (same "transaction" as the caller's change).
   * Idempotent on `dedupeKey`, like `enqueueShopifyMutation`: a second call returns the existing
   * row unchanged.
   */
  enqueueMutation(input: {
    kind: MutationKind;
    dedupeKey: string;
    merchantId: string;
    paymentId?: string;
    refundId?: string;
    variables: Record<string, unknown>;
    apiVersion?: string;
  }): MutationRow {
    const existing = [...this.mutations.values()].find((row) => row.dedupeKey === input.dedupeKey);
    if (existing) return existing;
    const row: MutationRow = {
      id: this.newId(),
      kind: input.kind,
      dedupeKey: input.dedupeKey,
      merchantId: input.merchantId,
      paymentId: input.paymentId ?? null,
      refundId: input.refundId ?? null,
      variables: input.variables,
      apiVersion: input.apiVersion ?? null,
      status: 'PENDING',
      lastError: null,
      createdAt: this.clock.now(),
      createdSeq: this.tick(),
    };
    this.mutations.set(row.id, row);
    return row;
  }

  /** Outbox rows about one record (or of one kind), oldest first. */
  mutationsFor(filter: {
    kind?: MutationKind;
    paymentId?: string;
    refundId?: string;
  }): MutationRow[] {
    return [...this.mutations.values()]
      .filter(
        (row) =>
          (filter.kind === undefined || row.kind === filter.kind) &&
          (filter.paymentId === undefined || row.paymentId === filter.paymentId) &&
          (filter.refundId === undefined || row.refundId === filter.refundId),
      )
      .sort((a, b) => a.createdSeq - b.createdSeq);
  }

  /** Adds an installed merchant (what an install and onboarding leave behind). */
  addMerchant(fields: Partial<MerchantRow> & { shopDomain: string }): MerchantRow {
    const row: MerchantRow = {
      id: this.newId(),
      displayName: null,
      payoutWallet: null,
      settlementMint: null,
      settlementToken: 'USDC',
      installState: 'INSTALLED',
      installedAt: this.clock.now(),
      uninstalledAt: null,
      configured: false,
      termsAcceptedAt: null,
      accessTokenEnc: null,
      accessTokenExpiresAt: null,
      refreshTokenEnc: null,
      refreshTokenExpiresAt: null,
      scopes: null,
      ...fields,
    };
    this.merchants.set(row.id, row);
    return row;
  }

  /** The merchant of a shop domain, or undefined. */
  merchantByShop(shopDomain: string): MerchantRow | undefined {
    return [...this.merchants.values()].find((row) => row.shopDomain === shopDomain);
  }
}
