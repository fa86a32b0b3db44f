import Decimal from 'decimal.js';
import {
  directSql,
  type DirectSql,
  emptySql,
  type Prisma,
  type PrismaClient,
  rawSql,
  sql,
} from '@solpay/db';
import * as z from 'zod';
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
import { enqueueShopifyMutation, enqueueShopifyMutationSql } from '@solpay/queue';
import { paymentSessionRejectCodeForExpiry } from '@solpay/shopify';
import { createSqlMutationRecords } from './create-sql-mutation-records';
import { RECORD_KIND_ENUM, RECORD_TABLE, recordLink } from './record-tables';

type Tx = Prisma.TransactionClient;

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

const payableSql = (table: string, paymentOnly: string) =>
  rawSql(`
  SELECT r.id::text AS id, r.merchant_id::text AS merchant_id, r.shopify_id, r.status::text AS status,
    r.amount::text AS amount, r.currency, r.token_mint, r.token_decimals, r.token_symbol,
    r.token_program, r.token_amount::text AS token_amount, r.recipient_wallet, r.reference_key,
    r.signature, ${paymentOnly}, m.shop_domain, m.display_name, m.install_state::text AS install_state
  FROM ${table} r JOIN merchants m ON m.id = r.merchant_id
  WHERE r.id = `);
const FIND_PAYMENT_SQL = payableSql('payment_records', 'r.expires_at, r.screening_hits');
const FIND_REFUND_SQL = payableSql(
  'refund_records',
  'NULL::timestamp(3) AS expires_at, 0 AS screening_hits',
);

/** A served transaction as {@link SERVED_REF_COLUMNS} select it. */
const servedRefRow = z
  .object({
    signature: z.string(),
    record_kind: z.enum(['PAYMENT', 'REFUND']),
    payment_id: z.string().nullable(),
    refund_id: z.string().nullable(),
    guard_generation: z.number().int(),
    last_valid_block_height: z.string(),
  })
  .transform((row): ServedTransactionRef => ({
    signature: row.signature,
    kind: row.record_kind === 'PAYMENT' ? 'payment' : 'refund',
    recordId: (row.record_kind === 'PAYMENT' ? row.payment_id : row.refund_id) as string,
    guardGeneration: row.guard_generation,
    lastValidBlockHeight: BigInt(row.last_valid_block_height),
  }));
const SERVED_REF_COLUMNS = rawSql(`s.signature, s.record_kind::text AS record_kind,
  s.payment_id::text AS payment_id, s.refund_id::text AS refund_id, s.guard_generation,
  s.last_valid_block_height::text AS last_valid_block_height`);

const idRow = z.object({ id: z.string() });
const recordRefRow = z.object({ kind: z.enum(['payment', 'refund']), id: z.string() });

/** The foreign-key column of a record kind, for SQL. */
const linkColumn = (kind: RecordKind) => rawSql(kind === 'payment' ? 'payment_id' : 'refund_id');

/**
 * `currentGuardGeneration`'s rule as a scalar SQL expression: the latest guard's generation,
 * one more when it was abandoned or swept, 0 without guards.
 */
const currentGenerationSql = (kind: RecordKind, id: string) => sql`
  COALESCE((SELECT CASE WHEN status IN ('ABANDONED', 'SWEPT') THEN generation + 1
      ELSE generation END
    FROM single_use_guards
    WHERE record_kind = ${RECORD_KIND_ENUM[kind]}::"RecordKind" AND ${linkColumn(kind)} = ${id}::uuid
    ORDER BY generation DESC LIMIT 1), 0)`;

/** `lockRecord` over {@link DirectSql}. */
async function lockRecordSql(
  db: DirectSql,
  kind: RecordKind,
  id: string,
): Promise<RecordStatus | null> {
  const rows = await db.query(sql`
    SELECT status::text AS status FROM ${rawSql(RECORD_TABLE[kind])}
    WHERE id = ${id}::uuid FOR UPDATE`);
  return rows.length === 0
    ? null
    : z.object({ status: z.enum(RECORD_STATUSES) }).parse(rows[0]).status;
}

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
async function lockRecordWithOwner(db: DirectSql, kind: RecordKind, id: string) {
  const rows = await db.query(sql`
    SELECT r.status::text AS status, r.signature, r.gid, r.merchant_id::text AS "merchantId",
      r.api_version AS "apiVersion", r.orphaned_at AS "orphanedAt",
      m.install_state::text AS "installState"
    FROM ${rawSql(RECORD_TABLE[kind])} r JOIN merchants m ON m.id = r.merchant_id
    WHERE r.id = ${id}::uuid FOR UPDATE OF r FOR KEY SHARE OF m`);
  if (rows.length === 0) return null;
  const { installState, ...row } = lockedRow.parse(rows[0]);
  return { ...row, merchant: { installState } };
}

/**
 * {@link RecordStorePort} over PostgreSQL with Prisma. State changes lock the record row
 * (`SELECT … FOR UPDATE`) so serving, paying and rejecting one record are serialised, and every
 * change that must reach Shopify writes its outbox row in the same transaction. The methods on
 * a checkout's path (reads of the record and its served transactions, serve, `markPaid`, the
 * discovery poll's lists, the redirect URL and the orphan flag) are SQL over `pg` through
 * `directSql` (ADR 0014); the others use Prisma. Given a transaction client, the store works
 * inside that transaction.
 */
export function createPrismaRecordStore(prisma: PrismaClient | Tx): RecordStorePort {
  const direct = directSql(prisma);
  const mutationRecords = createSqlMutationRecords(direct);
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

  return {
    async findRecord(kind, id) {
      if (!isRecordId(id)) return null;
      // One statement (record joined with its merchant); Prisma's `include` sends two.
      const rows = await direct.query(
        sql`${kind === 'payment' ? FIND_PAYMENT_SQL : FIND_REFUND_SQL}${id}::uuid`,
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
        amount: new Decimal(row.amount).toFixed(),
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
      const rows = await direct.query(sql`
        WITH current AS (SELECT ${currentGenerationSql(kind, id)} AS generation)
        SELECT current.generation, s.signature FROM current
        LEFT JOIN served_transactions s
          ON s.${linkColumn(kind)} = ${id}::uuid AND s.guard_generation = current.generation
        ORDER BY s.created_at ASC`);
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
      const { kind, recordId } = input;
      return direct.transaction(async (tx) => {
        if ((await lockRecordSql(tx, kind, recordId)) !== 'OPEN') return 'closed' as const;
        // Under the record's lock, which abandonGuard and markGenerationDead also take: once a
        // generation is abandoned nothing more is recorded on it, so the sweep (which only
        // takes abandoned or closed guards) can never empty a guard a transaction is still
        // being handed out for. One statement after the lock reads the generation and whether
        // the signature is known (both are read after the lock, as before).
        const [state] = await tx.query(sql`
          SELECT ${currentGenerationSql(kind, recordId)} AS generation,
            EXISTS (SELECT 1 FROM served_transactions WHERE signature = ${input.signature}) AS known`);
        const { generation, known } = z
          .object({ generation: z.number().int(), known: z.boolean() })
          .parse(state);
        if (generation !== input.generation) return 'stale-generation' as const;
        // Within one cached blockhash the transaction for the same account is byte-identical
        // (same signature): a wallet that POSTs again gets the same transaction back.
        if (known) return 'recorded' as const;
        // Serving never changes a guard's status: an ABANDONED (pre-funded) guard must stay
        // abandoned so the next serve moves on; its transactions cannot land anyway. The guard's
        // upsert keeps the highest last valid block height, and the served row refers to it.
        const now = new Date();
        const kindEnum = sql`${RECORD_KIND_ENUM[kind]}::"RecordKind"`;
        const height = sql`${input.lastValidBlockHeight}::bigint`;
        await tx.query(sql`
          WITH guard AS (
            INSERT INTO single_use_guards (id, pubkey, record_kind, ${linkColumn(kind)},
              generation, status, last_valid_block_height, created_at, updated_at)
            VALUES (gen_random_uuid(), ${input.guardAddress}, ${kindEnum}, ${recordId}::uuid,
              ${input.generation}, 'ACTIVE', ${height}, ${now}, ${now})
            ON CONFLICT (pubkey) DO UPDATE SET updated_at = EXCLUDED.updated_at,
              last_valid_block_height = GREATEST(single_use_guards.last_valid_block_height,
                EXCLUDED.last_valid_block_height)
            RETURNING id
          )
          INSERT INTO served_transactions (id, signature, record_kind, ${linkColumn(kind)},
            guard_id, guard_pubkey, guard_generation, account, last_valid_block_height,
            created_at)
          SELECT gen_random_uuid(), ${input.signature}, ${kindEnum}, ${recordId}::uuid, guard.id,
            ${input.guardAddress}, ${input.generation}, ${input.account}, ${height}, ${now}
          FROM guard`);
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
      const rows = await direct.query(sql`
        SELECT ${SERVED_REF_COLUMNS} FROM served_transactions s WHERE s.signature = ${signature}`);
      return rows.length === 0 ? null : servedRefRow.parse(rows[0]);
    },

    async pendingServedTransactions(limit) {
      const rows = await direct.query(sql`
        SELECT ${SERVED_REF_COLUMNS} FROM served_transactions s
        WHERE s.status = 'SERVED' AND (
          EXISTS (SELECT 1 FROM payment_records p
            WHERE p.id = s.payment_id AND p.status IN ('OPEN', 'REJECTING'))
          OR EXISTS (SELECT 1 FROM refund_records r
            WHERE r.id = s.refund_id AND r.status IN ('OPEN', 'REJECTING')))
        ORDER BY s.created_at DESC LIMIT ${limit}`);
      return z.array(servedRefRow).parse(rows);
    },

    async markServedTransaction(signature, status) {
      await direct.query(sql`
        UPDATE served_transactions
        SET status = ${status}::"ServedTransactionStatus", checked_at = ${new Date()}
        WHERE signature = ${signature} AND status = 'SERVED'`);
    },

    markPaid(input) {
      const { kind, recordId, signature } = input;
      return direct.transaction(async (tx) => {
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

        const now = new Date();
        const { gid, merchantId, apiVersion, ...owner } = locked;
        const shopLeft = hasShopLeft(owner);
        const mutationKind =
          kind === 'payment' ? 'PAYMENT_SESSION_RESOLVE' : 'REFUND_SESSION_RESOLVE';
        // Shopify cancelled the session when the shop left: a resolve would only fail for 72 h.
        const enqueue = shopLeft
          ? sql`SELECT NULL::text AS id`
          : enqueueShopifyMutationSql(
              {
                kind: mutationKind,
                merchantId,
                ...recordLink(kind, recordId),
                variables: { id: gid },
                dedupeKey: `${mutationKind}:${recordId}`,
                // Shopify wants the mutation in the version the session arrived with (specs F.16).
                apiVersion,
              },
              now,
            );
        // The record, its guards, the served transaction and the outbox row in one statement
        // after the lock (what were four): each changes rows of its own table, and the rows it
        // changes are the latest committed versions, as in separate statements.
        const [written] = await tx.query(sql`
          WITH paid AS (
            UPDATE ${rawSql(RECORD_TABLE[kind])}
            SET status = 'PAID', signature = ${signature}, slot = ${input.slot}::bigint,
              block_time = ${input.blockTime}::timestamp(3), paid_at = ${now},
              ${shopLeft ? sql`orphaned_at = ${owner.orphanedAt ?? now},` : emptySql}
              ${kind === 'payment' ? sql`buyer_wallet = ${input.payer},` : emptySql}
              reject_code = NULL, reject_reason = NULL, updated_at = ${now}
            WHERE id = ${recordId}::uuid
            RETURNING id
          ), consumed AS (
            UPDATE single_use_guards
            SET status = 'CONSUMED', consumed_signature = ${signature}, updated_at = ${now}
            WHERE record_kind = ${RECORD_KIND_ENUM[kind]}::"RecordKind"
              AND ${linkColumn(kind)} = ${recordId}::uuid AND generation = ${input.generation}
          ), landed AS (
            UPDATE served_transactions SET status = 'LANDED', checked_at = ${now}
            WHERE signature = ${signature}
          ), mutation AS (${enqueue})
          SELECT (SELECT id FROM mutation) AS mutation_id, (SELECT count(*) FROM paid) AS paid`);
        const { mutation_id: mutationId } = z
          .object({ mutation_id: z.string().nullable(), paid: z.coerce.number().int().min(1) })
          .parse(written);
        if (mutationId === null)
          return { result: 'paid', mutationIds: [], shopLeft: true } as const;
        return { result: 'paid', mutationIds: [mutationId] } as const;
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
      const rows = await direct.query(sql`
        SELECT p.id::text AS id FROM payment_records p
        WHERE p.status = 'OPEN' AND p.expires_at < ${now}
          AND NOT EXISTS (SELECT 1 FROM served_transactions s
            WHERE s.payment_id = p.id AND s.status = 'SERVED'
              AND s.last_valid_block_height >= ${blockHeight}::bigint)
        ORDER BY p.expires_at ASC LIMIT ${limit}`);
      return z
        .array(idRow)
        .parse(rows)
        .map((row) => ({ kind: 'payment' as const, id: row.id }));
    },

    async rejectingRecords(limit) {
      // No request waits for a burn any more: every REJECTING record is the poll's to finish.
      // Payments first, then refunds, each oldest change first.
      const rows = await direct.query(sql`
        SELECT kind, id FROM (
          (SELECT 'payment' AS kind, id::text AS id, updated_at FROM payment_records
            WHERE status = 'REJECTING' ORDER BY updated_at ASC LIMIT ${limit})
          UNION ALL
          (SELECT 'refund' AS kind, id::text AS id, updated_at FROM refund_records
            WHERE status = 'REJECTING' ORDER BY updated_at ASC LIMIT ${limit})
        ) rejecting
        ORDER BY kind = 'refund', updated_at ASC`);
      return z.array(recordRefRow).parse(rows);
    },

    async sweepableGuards(blockHeight, limit): Promise<SweepableGuard[]> {
      // A guard whose record is gone is skipped, as before (`payment ?? refund`).
      const rows = await direct.query(sql`
        SELECT g.id::text AS guard_id, g.record_kind::text AS record_kind,
          COALESCE(g.payment_id, g.refund_id)::text AS record_id, g.generation,
          g.last_valid_block_height::text AS last_valid_block_height,
          COALESCE(p.shopify_id, r.shopify_id) AS shopify_id,
          CASE WHEN p.id IS NOT NULL THEN pm.shop_domain ELSE rm.shop_domain END AS shop
        FROM single_use_guards g
        LEFT JOIN payment_records p ON p.id = g.payment_id
        LEFT JOIN merchants pm ON pm.id = p.merchant_id
        LEFT JOIN refund_records r ON r.id = g.refund_id
        LEFT JOIN merchants rm ON rm.id = r.merchant_id
        WHERE g.status IN ('CONSUMED', 'BURNED', 'ABANDONED')
          AND g.last_valid_block_height < ${blockHeight}::bigint
        ORDER BY g.updated_at ASC LIMIT ${limit}`);
      return z
        .array(
          z.object({
            guard_id: z.string(),
            record_kind: z.enum(['PAYMENT', 'REFUND']),
            record_id: z.string().nullable(),
            generation: z.number().int(),
            last_valid_block_height: z.string(),
            shopify_id: z.string().nullable(),
            shop: z.string().nullable(),
          }),
        )
        .parse(rows)
        .flatMap((row) =>
          row.record_id === null || row.shopify_id === null || row.shop === null
            ? []
            : [
                {
                  guardId: row.guard_id,
                  kind: row.record_kind === 'PAYMENT' ? ('payment' as const) : ('refund' as const),
                  recordId: row.record_id,
                  shop: row.shop,
                  shopifyId: row.shopify_id,
                  generation: row.generation,
                  lastValidBlockHeight: BigInt(row.last_valid_block_height),
                },
              ],
        );
    },

    async markGuardSwept(guardId, signature) {
      await prisma.singleUseGuard.update({
        where: { id: guardId },
        data: { status: 'SWEPT', sweptSignature: signature },
      });
    },

    saveRedirectUrl: mutationRecords.saveRedirectUrl,
    flagOrphaned: mutationRecords.flagOrphaned,
  };
}
