import { Prisma, type PrismaClient } from '@solpay/db';
import { z } from 'zod';
import { isRecordId, RECORD_STATUSES, SPL_TOKEN_PROGRAM, USDC_TOKEN } from '@solpay/domain';
import type {
  PayableRecord,
  RecordKind,
  RecordStatus,
  RecordStorePort,
  RejectionReason,
  ServedTransactionRef,
  SweepableGuard,
} from '@solpay/domain';
import { enqueueShopifyMutation } from '@solpay/queue';
import { paymentSessionRejectCodeForExpiry } from '@solpay/shopify';
import { RECORD_KIND_ENUM, RECORD_TABLE, recordLink } from './record-tables';

type Tx = Prisma.TransactionClient;

const CLOSED_GUARD_STATES = ['CONSUMED', 'BURNED', 'ABANDONED'] as const;

/**
 * Whether a record's shop is gone for Shopify: it was closed when the shop left, or its
 * merchant is not installed now (a record created while the uninstall was committing).
 */
function hasShopLeft(row: {
  orphanedAt: Date | null;
  merchant: { installState: 'INSTALLED' | 'UNINSTALLED' | 'REDACTED' };
}): boolean {
  return row.orphanedAt !== null || row.merchant.installState !== 'INSTALLED';
}

/** Locks a record row for the rest of the transaction and returns its status (null: no row). */
async function lockRecord(tx: Tx, kind: RecordKind, id: string): Promise<RecordStatus | null> {
  const rows = await tx.$queryRawUnsafe<Array<{ status: RecordStatus }>>(
    `SELECT status FROM ${RECORD_TABLE[kind]} WHERE id = $1::uuid FOR UPDATE`,
    id,
  );
  return rows[0]?.status ?? null;
}

const INSTALL_STATES = ['INSTALLED', 'UNINSTALLED', 'REDACTED'] as const;

/** A record joined with its merchant, as {@link FIND_PAYMENT_SQL} returns it. */
const payableRow = z.object({
  id: z.string(),
  merchant_id: z.string(),
  shopify_id: z.string(),
  status: z.enum(RECORD_STATUSES),
  amount: z.string(),
  currency: z.string(),
  token_mint: z.string().nullable(),
  token_decimals: z.number().int().nullable(),
  token_symbol: z.string().nullable(),
  token_program: z.string().nullable(),
  token_amount: z.string(),
  recipient_wallet: z.string().nullable(),
  reference_key: z.string(),
  expires_at: z.date().nullable(),
  signature: z.string().nullable(),
  screening_hits: z.number().int(),
  shop_domain: z.string(),
  display_name: z.string().nullable(),
  install_state: z.enum(INSTALL_STATES),
});

const payableSql = (table: string, paymentOnly: string) => `
  SELECT r.id::text AS id, r.merchant_id::text AS merchant_id, r.shopify_id, r.status::text AS status,
    r.amount::text AS amount, r.currency, r.token_mint, r.token_decimals, r.token_symbol,
    r.token_program, r.token_amount::text AS token_amount, r.recipient_wallet, r.reference_key,
    r.signature, ${paymentOnly}, m.shop_domain, m.display_name, m.install_state::text AS install_state
  FROM ${table} r JOIN merchants m ON m.id = r.merchant_id
  WHERE r.id = $1::uuid`;
const FIND_PAYMENT_SQL = payableSql('payment_records', 'r.expires_at, r.screening_hits');
const FIND_REFUND_SQL = payableSql(
  'refund_records',
  'NULL::timestamp(3) AS expires_at, 0 AS screening_hits',
);

/** One row of `currentServedSignatures`: the generation, and a signature served with it. */
const servedRow = z.object({
  generation: z.number().int(),
  signature: z.string().nullable(),
});

/** A locked record's state and what its resolve needs, from {@link lockRecordWithOwner}. */
const lockedRow = z.object({
  status: z.enum(RECORD_STATUSES),
  signature: z.string().nullable(),
  gid: z.string(),
  merchantId: z.string(),
  apiVersion: z.string(),
  orphanedAt: z.date().nullable(),
  installState: z.enum(INSTALL_STATES),
});

/**
 * Locks a record row like {@link lockRecord} and returns, in the same statement, its status,
 * signature and what its resolve needs (gid, merchant, API version, whether its shop left).
 * `FOR KEY SHARE OF m` makes the merchant's row, like the locked record's, the latest committed
 * version once the lock is granted (a plain join could return the statement's older snapshot).
 */
async function lockRecordWithOwner(tx: Tx, kind: RecordKind, id: string) {
  const rows = await tx.$queryRawUnsafe<unknown[]>(
    `SELECT r.status::text AS status, r.signature, r.gid, r.merchant_id::text AS "merchantId",
       r.api_version AS "apiVersion", r.orphaned_at AS "orphanedAt",
       m.install_state::text AS "installState"
     FROM ${RECORD_TABLE[kind]} r JOIN merchants m ON m.id = r.merchant_id
     WHERE r.id = $1::uuid FOR UPDATE OF r FOR KEY SHARE OF m`,
    id,
  );
  if (rows.length === 0) return null;
  const { installState, ...row } = lockedRow.parse(rows[0]);
  return { ...row, merchant: { installState } };
}

/**
 * {@link RecordStorePort} over PostgreSQL with Prisma. State changes lock the record row
 * (`SELECT … FOR UPDATE`) so serving, paying and rejecting one record are serialised, and every
 * change that must reach Shopify writes its outbox row in the same transaction. Given a
 * transaction client, the store works inside that transaction (the outbox ends an attempt and
 * changes its record together).
 */
export function createPrismaRecordStore(prisma: PrismaClient | Tx): RecordStorePort {
  const transaction = <T>(work: (tx: Tx) => Promise<T>): Promise<T> =>
    '$transaction' in prisma ? prisma.$transaction(work) : work(prisma);

  const findGuardGeneration = async (db: Tx, kind: RecordKind, id: string) => {
    const latest = await db.singleUseGuard.findFirst({
      where: { recordKind: RECORD_KIND_ENUM[kind], ...recordLink(kind, id) },
      orderBy: { generation: 'desc' },
      select: { generation: true, status: true },
    });
    if (!latest) return 0;
    // A SWEPT latest generation was abandoned first (a paid or rejected record's guards are
    // closed): it is dead too, never current again — or a serve could reuse an emptied guard.
    return latest.status === 'ABANDONED' || latest.status === 'SWEPT'
      ? latest.generation + 1
      : latest.generation;
  };

  const upsertGuard = (
    tx: Tx,
    input: {
      kind: RecordKind;
      recordId: string;
      generation: number;
      pubkey: string;
      status: 'ACTIVE' | 'CONSUMED' | 'BURNED' | 'ABANDONED';
      consumedSignature?: string | null;
      lastValidBlockHeight?: bigint;
    },
  ) =>
    tx.singleUseGuard.upsert({
      where: { pubkey: input.pubkey },
      create: {
        pubkey: input.pubkey,
        recordKind: RECORD_KIND_ENUM[input.kind],
        ...recordLink(input.kind, input.recordId),
        generation: input.generation,
        status: input.status,
        consumedSignature: input.consumedSignature ?? null,
        lastValidBlockHeight: input.lastValidBlockHeight ?? 0n,
      },
      update: {
        status: input.status,
        ...(input.consumedSignature !== undefined
          ? { consumedSignature: input.consumedSignature }
          : {}),
      },
    });

  const toServedRef = (row: {
    signature: string;
    recordKind: 'PAYMENT' | 'REFUND';
    paymentId: string | null;
    refundId: string | null;
    guardGeneration: number;
    lastValidBlockHeight: bigint;
  }): ServedTransactionRef => ({
    signature: row.signature,
    kind: row.recordKind === 'PAYMENT' ? 'payment' : 'refund',
    recordId: (row.recordKind === 'PAYMENT' ? row.paymentId : row.refundId) as string,
    guardGeneration: row.guardGeneration,
    lastValidBlockHeight: row.lastValidBlockHeight,
  });

  return {
    async findRecord(kind, id) {
      if (!isRecordId(id)) return null;
      // One statement (record joined with its merchant); Prisma's `include` sends two.
      const rows = await prisma.$queryRawUnsafe<unknown[]>(
        kind === 'payment' ? FIND_PAYMENT_SQL : FIND_REFUND_SQL,
        id,
      );
      if (rows.length === 0) return null;
      const row = payableRow.parse(rows[0]);
      if (!row.token_mint || row.token_decimals === null) return null;
      return {
        kind,
        id: row.id,
        merchantId: row.merchant_id,
        shop: row.shop_domain,
        shopifyId: row.shopify_id,
        status: row.status,
        amount: new Prisma.Decimal(row.amount).toFixed(),
        currency: row.currency,
        mint: row.token_mint,
        decimals: row.token_decimals,
        // Rows from before the token table settled in USDC (SPL Token).
        tokenSymbol: row.token_symbol ?? USDC_TOKEN.symbol,
        tokenProgram: row.token_program ?? SPL_TOKEN_PROGRAM,
        tokenAmount: BigInt(row.token_amount),
        recipientWallet: row.recipient_wallet,
        referenceKey: row.reference_key,
        label: row.display_name ?? row.shop_domain,
        // Payments expire when the buyer never pays; refunds wait for the merchant.
        expiresAt: row.expires_at,
        signature: row.signature,
        screeningHits: row.screening_hits,
        shopInstalled: row.install_state === 'INSTALLED',
      } satisfies PayableRecord;
    },

    currentGuardGeneration: (kind, id) => findGuardGeneration(prisma, kind, id),

    async currentServedSignatures(kind, id) {
      // findGuardGeneration's rule in SQL, joined with that generation's served transactions.
      const link = kind === 'payment' ? 'payment_id' : 'refund_id';
      const rows = await prisma.$queryRawUnsafe<unknown[]>(
        `WITH latest AS (
           SELECT generation, status FROM single_use_guards
           WHERE record_kind = $2::"RecordKind" AND ${link} = $1::uuid
           ORDER BY generation DESC LIMIT 1
         ), current AS (
           SELECT COALESCE((SELECT CASE WHEN status IN ('ABANDONED', 'SWEPT')
             THEN generation + 1 ELSE generation END FROM latest), 0) AS generation
         )
         SELECT current.generation, s.signature FROM current
         LEFT JOIN served_transactions s ON s.${link} = $1::uuid AND s.guard_generation = current.generation
         ORDER BY s.created_at ASC`,
        id,
        RECORD_KIND_ENUM[kind],
      );
      const parsed = z.array(servedRow).parse(rows);
      return {
        generation: parsed[0]?.generation ?? 0,
        signatures: parsed.flatMap((row) => (row.signature === null ? [] : [row.signature])),
      };
    },

    async servedSignatures(kind, id, generation) {
      const rows = await prisma.servedTransaction.findMany({
        where: { ...recordLink(kind, id), guardGeneration: generation },
        select: { signature: true },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map((row) => row.signature);
    },

    abandonGuard(kind, id, generation, guardAddress) {
      return transaction(async (tx) => {
        if ((await lockRecord(tx, kind, id)) !== 'OPEN') return null;
        if ((await findGuardGeneration(tx, kind, id)) !== generation) {
          return findGuardGeneration(tx, kind, id);
        }
        await upsertGuard(tx, {
          kind,
          recordId: id,
          generation,
          pubkey: guardAddress,
          status: 'ABANDONED',
        });
        return generation + 1;
      });
    },

    recordServedTransaction(input) {
      return transaction(async (tx) => {
        if ((await lockRecord(tx, input.kind, input.recordId)) !== 'OPEN') return 'closed' as const;
        // Under the record's lock, which abandonGuard and markGenerationDead also take: once a
        // generation is abandoned nothing more is recorded on it, so the sweep (which only
        // takes abandoned or closed guards) can never empty a guard a transaction is still
        // being handed out for.
        if ((await findGuardGeneration(tx, input.kind, input.recordId)) !== input.generation) {
          return 'stale-generation' as const;
        }
        // Within one cached blockhash the transaction for the same account is byte-identical
        // (same signature): a wallet that POSTs again gets the same transaction back.
        const known = await tx.servedTransaction.findUnique({
          where: { signature: input.signature },
        });
        if (known) return 'recorded' as const;
        // Serving never changes a guard's status: an ABANDONED (pre-funded) guard must stay
        // abandoned so the next serve moves on; its transactions cannot land anyway.
        const guard = await tx.singleUseGuard.upsert({
          where: { pubkey: input.guardAddress },
          create: {
            pubkey: input.guardAddress,
            recordKind: RECORD_KIND_ENUM[input.kind],
            ...recordLink(input.kind, input.recordId),
            generation: input.generation,
            status: 'ACTIVE',
            lastValidBlockHeight: input.lastValidBlockHeight,
          },
          // A no-op update keeps this a single INSERT … ON CONFLICT (see enqueueShopifyMutation).
          update: { pubkey: input.guardAddress },
        });
        if (guard.lastValidBlockHeight < input.lastValidBlockHeight) {
          await tx.singleUseGuard.update({
            where: { id: guard.id },
            data: { lastValidBlockHeight: input.lastValidBlockHeight },
          });
        }
        await tx.servedTransaction.create({
          data: {
            signature: input.signature,
            recordKind: RECORD_KIND_ENUM[input.kind],
            ...recordLink(input.kind, input.recordId),
            guardId: guard.id,
            guardPubkey: input.guardAddress,
            guardGeneration: input.generation,
            account: input.account,
            lastValidBlockHeight: input.lastValidBlockHeight,
          },
        });
        return 'recorded' as const;
      });
    },

    markGenerationDead(input) {
      return transaction(async (tx) => {
        await lockRecord(tx, input.kind, input.recordId);
        await tx.servedTransaction.updateMany({
          where: { signature: input.signature, status: { in: ['SERVED', 'EXPIRED'] } },
          data: { status: 'REFUSED', checkedAt: new Date() },
        });
        // Only an ACTIVE guard changes: an abandoned one already is, a closed one belongs to a
        // record that is paid or rejected.
        await tx.singleUseGuard.updateMany({
          where: {
            recordKind: RECORD_KIND_ENUM[input.kind],
            ...recordLink(input.kind, input.recordId),
            generation: input.generation,
            status: 'ACTIVE',
          },
          data: { status: 'ABANDONED', consumedSignature: input.signature },
        });
      });
    },

    countServedTransactions: (kind, id) =>
      prisma.servedTransaction.count({ where: recordLink(kind, id) }),

    async recordScreeningHit(kind, id, at) {
      if (kind !== 'payment' || !isRecordId(id)) return;
      await prisma.paymentRecord.updateMany({
        where: { id },
        data: { screeningHits: { increment: 1 }, lastScreeningHitAt: at },
      });
    },

    async findServedTransaction(signature) {
      const row = await prisma.servedTransaction.findUnique({ where: { signature } });
      return row ? toServedRef(row) : null;
    },

    async pendingServedTransactions(limit) {
      const open = { in: ['OPEN', 'REJECTING'] as Array<'OPEN' | 'REJECTING'> };
      const rows = await prisma.servedTransaction.findMany({
        where: {
          status: 'SERVED',
          OR: [{ payment: { status: open } }, { refund: { status: open } }],
        },
        orderBy: { createdAt: 'desc' },
        take: limit,
      });
      return rows.map(toServedRef);
    },

    async markServedTransaction(signature, status) {
      await prisma.servedTransaction.updateMany({
        where: { signature, status: 'SERVED' },
        data: { status, checkedAt: new Date() },
      });
    },

    markPaid(input) {
      const { kind, recordId, signature } = input;
      return transaction(async (tx) => {
        const locked = await lockRecordWithOwner(tx, kind, recordId);
        const status = locked?.status ?? null;
        if (status === 'PAID') {
          return {
            result: locked?.signature === signature ? 'already-paid' : 'not-payable',
          } as const;
        }
        if (!locked || (status !== 'OPEN' && status !== 'REJECTING')) {
          return { result: 'not-payable' } as const;
        }

        const paidFields = {
          status: 'PAID' as const,
          signature,
          slot: input.slot,
          blockTime: input.blockTime,
          paidAt: new Date(),
        };
        const { gid, merchantId, apiVersion, ...owner } = locked;
        const shopLeft = hasShopLeft(owner);
        const flagged = shopLeft ? { orphanedAt: owner.orphanedAt ?? new Date() } : {};
        if (kind === 'payment') {
          await tx.paymentRecord.update({
            where: { id: recordId },
            data: {
              ...paidFields,
              ...flagged,
              buyerWallet: input.payer,
              rejectCode: null,
              rejectReason: null,
            },
          });
        } else {
          await tx.refundRecord.update({
            where: { id: recordId },
            data: { ...paidFields, ...flagged, rejectCode: null, rejectReason: null },
          });
        }
        await tx.singleUseGuard.updateMany({
          where: {
            recordKind: RECORD_KIND_ENUM[kind],
            ...recordLink(kind, recordId),
            generation: input.generation,
          },
          data: { status: 'CONSUMED', consumedSignature: signature },
        });
        await tx.servedTransaction.updateMany({
          where: { signature },
          data: { status: 'LANDED', checkedAt: new Date() },
        });
        // Shopify cancelled the session when the shop left: a resolve would only fail for 72 h.
        if (shopLeft) return { result: 'paid', mutationIds: [], shopLeft: true } as const;
        const mutationKind =
          kind === 'payment' ? 'PAYMENT_SESSION_RESOLVE' : 'REFUND_SESSION_RESOLVE';
        const mutation = await enqueueShopifyMutation(tx, {
          kind: mutationKind,
          merchantId,
          ...recordLink(kind, recordId),
          variables: { id: gid },
          dedupeKey: `${mutationKind}:${recordId}`,
          // Shopify wants the mutation in the version the session arrived with (specs F.16).
          apiVersion,
        });
        return { result: 'paid', mutationIds: [mutation.id] } as const;
      });
    },

    beginReject(kind, id, reason: RejectionReason) {
      return transaction(async (tx) => {
        const status = await lockRecord(tx, kind, id);
        if (status === 'REJECTING') return 'continue' as const;
        if (status !== 'OPEN') return 'closed' as const;
        const data = {
          status: 'REJECTING' as const,
          rejectCode: reason.code,
          rejectReason: reason.merchantMessage,
        };
        if (kind === 'payment') await tx.paymentRecord.update({ where: { id }, data });
        else await tx.refundRecord.update({ where: { id }, data });
        return 'started' as const;
      });
    },

    completeReject(input) {
      const { kind, recordId } = input;
      return transaction(async (tx) => {
        const status = await lockRecord(tx, kind, recordId);
        if (status !== 'REJECTING' && status !== 'REJECTED') return { mutationIds: [] };
        const include = { merchant: { select: { installState: true } } } as const;
        const row =
          kind === 'payment'
            ? await tx.paymentRecord.findUniqueOrThrow({ where: { id: recordId }, include })
            : await tx.refundRecord.findUniqueOrThrow({ where: { id: recordId }, include });
        const shopLeft = hasShopLeft(row);
        if (status === 'REJECTING') {
          const data = {
            status: 'REJECTED' as const,
            ...(shopLeft ? { orphanedAt: row.orphanedAt ?? new Date() } : {}),
          };
          if (kind === 'payment') {
            await tx.paymentRecord.update({ where: { id: recordId }, data });
          } else {
            await tx.refundRecord.update({ where: { id: recordId }, data });
          }
          if (!input.guardUnused) {
            await upsertGuard(tx, {
              kind,
              recordId,
              generation: input.generation,
              pubkey: input.guardAddress,
              status: 'BURNED',
              // Without a burn of ours (consumed earlier), keep what consumed it.
              consumedSignature: input.burnSignature ?? undefined,
            });
          }
        }
        // Shopify cancelled the session itself when the shop left; nothing to tell it.
        if (shopLeft) return { mutationIds: [] };
        const mutationKind =
          kind === 'payment' ? 'PAYMENT_SESSION_REJECT' : 'REFUND_SESSION_REJECT';
        const code =
          kind !== 'payment'
            ? 'PROCESSING_ERROR'
            : row.rejectCode === 'EXPIRED'
              ? paymentSessionRejectCodeForExpiry(row.apiVersion)
              : (row.rejectCode ?? 'PROCESSING_ERROR');
        const mutation = await enqueueShopifyMutation(tx, {
          kind: mutationKind,
          merchantId: row.merchantId,
          ...recordLink(kind, recordId),
          variables: {
            id: row.gid,
            reason: { code, merchantMessage: row.rejectReason ?? 'Rejected' },
          },
          dedupeKey: `${mutationKind}:${recordId}`,
          apiVersion: row.apiVersion,
        });
        return { mutationIds: [mutation.id] };
      });
    },

    async expiredOpenRecords(now, blockHeight, limit) {
      const rows = await prisma.paymentRecord.findMany({
        where: {
          status: 'OPEN',
          expiresAt: { lt: now },
          served: { none: { status: 'SERVED', lastValidBlockHeight: { gte: blockHeight } } },
        },
        select: { id: true },
        orderBy: { expiresAt: 'asc' },
        take: limit,
      });
      return rows.map((row) => ({ kind: 'payment' as const, id: row.id }));
    },

    async rejectingRecords(limit) {
      // No request waits for a burn any more: every REJECTING record is the poll's to finish.
      const stuck = { status: 'REJECTING' as const };
      const [payments, refunds] = await Promise.all([
        prisma.paymentRecord.findMany({
          where: stuck,
          select: { id: true },
          orderBy: { updatedAt: 'asc' },
          take: limit,
        }),
        prisma.refundRecord.findMany({
          where: stuck,
          select: { id: true },
          orderBy: { updatedAt: 'asc' },
          take: limit,
        }),
      ]);
      return [
        ...payments.map((row) => ({ kind: 'payment' as const, id: row.id })),
        ...refunds.map((row) => ({ kind: 'refund' as const, id: row.id })),
      ];
    },

    async sweepableGuards(blockHeight, limit): Promise<SweepableGuard[]> {
      const rows = await prisma.singleUseGuard.findMany({
        where: {
          status: { in: [...CLOSED_GUARD_STATES] },
          lastValidBlockHeight: { lt: blockHeight },
        },
        include: {
          payment: { select: { shopifyId: true, merchant: { select: { shopDomain: true } } } },
          refund: { select: { shopifyId: true, merchant: { select: { shopDomain: true } } } },
        },
        orderBy: { updatedAt: 'asc' },
        take: limit,
      });
      return rows.flatMap((row) => {
        const record = row.payment ?? row.refund;
        if (!record) return [];
        return [
          {
            guardId: row.id,
            kind: row.recordKind === 'PAYMENT' ? ('payment' as const) : ('refund' as const),
            recordId: (row.paymentId ?? row.refundId) as string,
            shop: record.merchant.shopDomain,
            shopifyId: record.shopifyId,
            generation: row.generation,
            lastValidBlockHeight: row.lastValidBlockHeight,
          },
        ];
      });
    },

    async markGuardSwept(guardId, signature) {
      await prisma.singleUseGuard.update({
        where: { id: guardId },
        data: { status: 'SWEPT', sweptSignature: signature },
      });
    },

    async saveRedirectUrl(paymentId, redirectUrl) {
      await prisma.paymentRecord.update({ where: { id: paymentId }, data: { redirectUrl } });
    },

    async flagOrphaned(kind, recordId, at) {
      const unflaggedPaid = { id: recordId, status: 'PAID' as const, orphanedAt: null };
      if (kind === 'payment') {
        await prisma.paymentRecord.updateMany({ where: unflaggedPaid, data: { orphanedAt: at } });
      } else {
        await prisma.refundRecord.updateMany({ where: unflaggedPaid, data: { orphanedAt: at } });
      }
    },
  };
}
