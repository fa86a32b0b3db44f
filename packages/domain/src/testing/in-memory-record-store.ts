import { SPL_TOKEN_PROGRAM } from '../money/settlement-tokens';
import type { PayableRecord, RecordKind } from '../records/payable-record';
import type {
  RecordStorePort,
  ServedTransactionRef,
  SweepableGuard,
} from '../ports/record-store-port';
import {
  InMemoryDatabase,
  numericText,
  type GuardRow,
  type PaymentRow,
  type RefundRow,
  type ServedRow,
} from './in-memory-database';

const CLOSED_GUARD_STATES = new Set<GuardRow['status']>(['CONSUMED', 'BURNED', 'ABANDONED']);

/**
 * {@link RecordStorePort} over an {@link InMemoryDatabase}, keeping the contract of the Prisma
 * adapter (`createPrismaRecordStore`): every method is one atomic step (as under the record's
 * row lock); serving is refused unless the record is OPEN and the generation still current;
 * paying and rejecting are conditional on the status; outbox rows are written in the same step
 * and de-duplicated by key; nothing is queued for a shop that left.
 */
export class InMemoryRecordStore implements RecordStorePort {
  constructor(private readonly db: InMemoryDatabase) {}

  private guardsOf(kind: RecordKind, id: string): GuardRow[] {
    return [...this.db.guards.values()].filter((row) => row.kind === kind && row.recordId === id);
  }

  private generationOf(kind: RecordKind, id: string): number {
    const latest = this.guardsOf(kind, id).sort((a, b) => b.generation - a.generation)[0];
    if (!latest) return 0;
    // A SWEPT latest generation was abandoned first: dead too, never current again.
    return latest.status === 'ABANDONED' || latest.status === 'SWEPT'
      ? latest.generation + 1
      : latest.generation;
  }

  private upsertGuard(input: {
    kind: RecordKind;
    recordId: string;
    generation: number;
    pubkey: string;
    status: GuardRow['status'];
    consumedSignature?: string | null;
    lastValidBlockHeight?: bigint;
  }): GuardRow {
    const existing = [...this.db.guards.values()].find((row) => row.pubkey === input.pubkey);
    if (existing) {
      existing.status = input.status;
      if (input.consumedSignature !== undefined) {
        existing.consumedSignature = input.consumedSignature;
      }
      existing.updatedSeq = this.db.tick();
      return existing;
    }
    const row: GuardRow = {
      id: this.db.newId(),
      pubkey: input.pubkey,
      kind: input.kind,
      recordId: input.recordId,
      generation: input.generation,
      status: input.status,
      consumedSignature: input.consumedSignature ?? null,
      sweptSignature: null,
      lastValidBlockHeight: input.lastValidBlockHeight ?? 0n,
      updatedSeq: this.db.tick(),
    };
    this.db.guards.set(row.id, row);
    return row;
  }

  private shopLeft(row: PaymentRow | RefundRow): boolean {
    return (
      row.orphanedAt !== null || this.db.merchants.get(row.merchantId)?.installState !== 'INSTALLED'
    );
  }

  private touch(row: PaymentRow | RefundRow): void {
    row.updatedSeq = this.db.tick();
  }

  private toRef(row: ServedRow): ServedTransactionRef {
    return {
      signature: row.signature,
      kind: row.kind,
      recordId: row.recordId,
      guardGeneration: row.guardGeneration,
      lastValidBlockHeight: row.lastValidBlockHeight,
    };
  }

  private servedOf(kind: RecordKind, id: string): ServedRow[] {
    return [...this.db.served.values()]
      .filter((row) => row.kind === kind && row.recordId === id)
      .sort((a, b) => a.createdSeq - b.createdSeq);
  }

  async findRecord(kind: RecordKind, id: string): Promise<PayableRecord | null> {
    if (!InMemoryDatabase.isId(id)) return null;
    const row = this.db.record(kind, id);
    if (!row) return null;
    const mint = 'tokenMint' in row ? row.tokenMint : null;
    const decimals = 'tokenDecimals' in row ? row.tokenDecimals : null;
    if (!mint || decimals === null) return null;
    const merchant = this.db.merchants.get(row.merchantId);
    if (!merchant) return null;
    return {
      kind,
      id: row.id,
      merchantId: row.merchantId,
      shop: merchant.shopDomain,
      shopifyId: row.shopifyId,
      status: row.status,
      amount: numericText(row.amount),
      currency: row.currency,
      mint,
      decimals,
      tokenSymbol: row.tokenSymbol ?? 'USDC',
      tokenProgram: row.tokenProgram ?? SPL_TOKEN_PROGRAM,
      tokenAmount: row.tokenAmount,
      recipientWallet: row.recipientWallet,
      referenceKey: row.referenceKey,
      label: merchant.displayName ?? merchant.shopDomain,
      expiresAt: kind === 'payment' ? (row as PaymentRow).expiresAt : null,
      signature: row.signature,
      screeningHits: kind === 'payment' ? (row as PaymentRow).screeningHits : 0,
      shopInstalled: merchant.installState === 'INSTALLED',
    };
  }

  async currentGuardGeneration(kind: RecordKind, id: string): Promise<number> {
    return this.generationOf(kind, id);
  }

  async servedSignatures(kind: RecordKind, id: string, generation: number): Promise<string[]> {
    return this.servedOf(kind, id)
      .filter((row) => row.guardGeneration === generation)
      .map((row) => row.signature);
  }

  async currentServedSignatures(
    kind: RecordKind,
    id: string,
  ): Promise<{ generation: number; signatures: string[] }> {
    const generation = this.generationOf(kind, id);
    return { generation, signatures: await this.servedSignatures(kind, id, generation) };
  }

  async abandonGuard(
    kind: RecordKind,
    id: string,
    generation: number,
    guardAddress: string,
  ): Promise<number | null> {
    if (this.db.record(kind, id)?.status !== 'OPEN') return null;
    const current = this.generationOf(kind, id);
    if (current !== generation) return current;
    this.upsertGuard({ kind, recordId: id, generation, pubkey: guardAddress, status: 'ABANDONED' });
    return generation + 1;
  }

  async recordServedTransaction(input: {
    kind: RecordKind;
    recordId: string;
    generation: number;
    guardAddress: string;
    signature: string;
    account: string;
    lastValidBlockHeight: bigint;
  }): Promise<'recorded' | 'closed' | 'stale-generation'> {
    if (this.db.record(input.kind, input.recordId)?.status !== 'OPEN') return 'closed';
    if (this.generationOf(input.kind, input.recordId) !== input.generation) {
      return 'stale-generation';
    }
    // The same transaction (same blockhash, same account) served twice is one row.
    if (this.db.served.has(input.signature)) return 'recorded';
    let guard = [...this.db.guards.values()].find((row) => row.pubkey === input.guardAddress);
    if (!guard) {
      guard = this.upsertGuard({
        kind: input.kind,
        recordId: input.recordId,
        generation: input.generation,
        pubkey: input.guardAddress,
        status: 'ACTIVE',
        lastValidBlockHeight: input.lastValidBlockHeight,
      });
    }
    if (guard.lastValidBlockHeight < input.lastValidBlockHeight) {
      guard.lastValidBlockHeight = input.lastValidBlockHeight;
    }
    this.db.served.set(input.signature, {
      signature: input.signature,
      kind: input.kind,
      recordId: input.recordId,
      guardId: guard.id,
      guardPubkey: input.guardAddress,
      guardGeneration: input.generation,
      account: input.account,
      lastValidBlockHeight: input.lastValidBlockHeight,
      status: 'SERVED',
      createdSeq: this.db.tick(),
    });
    return 'recorded';
  }

  async markGenerationDead(input: {
    kind: RecordKind;
    recordId: string;
    generation: number;
    guardAddress: string;
    signature: string;
  }): Promise<void> {
    const served = this.db.served.get(input.signature);
    if (served && (served.status === 'SERVED' || served.status === 'EXPIRED')) {
      served.status = 'REFUSED';
    }
    for (const guard of this.guardsOf(input.kind, input.recordId)) {
      if (guard.generation === input.generation && guard.status === 'ACTIVE') {
        guard.status = 'ABANDONED';
        guard.consumedSignature = input.signature;
        guard.updatedSeq = this.db.tick();
      }
    }
  }

  async findServedTransaction(signature: string): Promise<ServedTransactionRef | null> {
    const row = this.db.served.get(signature);
    return row ? this.toRef(row) : null;
  }

  async countServedTransactions(kind: RecordKind, id: string): Promise<number> {
    return this.servedOf(kind, id).length;
  }

  async recordScreeningHit(kind: RecordKind, id: string, at: Date): Promise<void> {
    if (kind !== 'payment') return;
    const row = this.db.payments.get(id);
    if (!row) return;
    row.screeningHits += 1;
    row.lastScreeningHitAt = at;
  }

  async pendingServedTransactions(limit: number): Promise<ServedTransactionRef[]> {
    return [...this.db.served.values()]
      .filter((row) => {
        const status = this.db.record(row.kind, row.recordId)?.status;
        return row.status === 'SERVED' && (status === 'OPEN' || status === 'REJECTING');
      })
      .sort((a, b) => b.createdSeq - a.createdSeq)
      .slice(0, limit)
      .map((row) => this.toRef(row));
  }

  async markServedTransaction(
    signature: string,
    status: 'LANDED' | 'FAILED' | 'EXPIRED',
  ): Promise<void> {
    const row = this.db.served.get(signature);
    if (row?.status === 'SERVED') row.status = status;
  }

  async markPaid(input: {
    kind: RecordKind;
    recordId: string;
    signature: string;
    payer: string;
    slot: bigint;
    blockTime: Date | null;
    generation: number;
  }): Promise<
    | { result: 'paid'; mutationIds: string[]; shopLeft?: true }
    | { result: 'already-paid' | 'not-payable' }
  > {
    const { kind, recordId, signature } = input;
    const row = this.db.record(kind, recordId);
    if (!row) return { result: 'not-payable' };
    if (row.status === 'PAID') {
      return { result: row.signature === signature ? 'already-paid' : 'not-payable' };
    }
    if (row.status !== 'OPEN' && row.status !== 'REJECTING') return { result: 'not-payable' };
    // The unique `signature` column: one transaction credits one record.
    const creditedElsewhere = [...this.db.payments.values(), ...this.db.refunds.values()].some(
      (other) => other.signature === signature && other.id !== recordId,
    );
    if (creditedElsewhere) return { result: 'not-payable' };

    const now = this.db.clock.now();
    const shopLeft = this.shopLeft(row);
    row.status = 'PAID';
    row.signature = signature;
    row.slot = input.slot;
    row.blockTime = input.blockTime;
    row.paidAt = now;
    row.rejectCode = null;
    row.rejectReason = null;
    if (shopLeft) row.orphanedAt = row.orphanedAt ?? now;
    if (kind === 'payment') (row as PaymentRow).buyerWallet = input.payer;
    this.touch(row);
    for (const guard of this.guardsOf(kind, recordId)) {
      if (guard.generation === input.generation) {
        guard.status = 'CONSUMED';
        guard.consumedSignature = signature;
        guard.updatedSeq = this.db.tick();
      }
    }
    const served = this.db.served.get(signature);
    if (served) served.status = 'LANDED';
    if (shopLeft) return { result: 'paid', mutationIds: [], shopLeft: true };
    const mutationKind = kind === 'payment' ? 'PAYMENT_SESSION_RESOLVE' : 'REFUND_SESSION_RESOLVE';
    const mutation = this.db.enqueueMutation({
      kind: mutationKind,
      merchantId: row.merchantId,
      ...(kind === 'payment' ? { paymentId: recordId } : { refundId: recordId }),
      variables: { id: row.gid },
      dedupeKey: `${mutationKind}:${recordId}`,
      apiVersion: row.apiVersion,
    });
    return { result: 'paid', mutationIds: [mutation.id] };
  }

  async beginReject(
    kind: RecordKind,
    id: string,
    reason: { code: string; merchantMessage: string },
  ): Promise<'started' | 'continue' | 'closed'> {
    const row = this.db.record(kind, id);
    if (row?.status === 'REJECTING') return 'continue';
    if (!row || row.status !== 'OPEN') return 'closed';
    row.status = 'REJECTING';
    row.rejectCode = reason.code;
    row.rejectReason = reason.merchantMessage;
    this.touch(row);
    return 'started';
  }

  async completeReject(input: {
    kind: RecordKind;
    recordId: string;
    generation: number;
    guardAddress: string;
    burnSignature: string | null;
    guardUnused?: boolean;
  }): Promise<{ mutationIds: string[] }> {
    const { kind, recordId } = input;
    const row = this.db.record(kind, recordId);
    if (!row || (row.status !== 'REJECTING' && row.status !== 'REJECTED')) {
      return { mutationIds: [] };
    }
    const shopLeft = this.shopLeft(row);
    if (row.status === 'REJECTING') {
      row.status = 'REJECTED';
      if (shopLeft) row.orphanedAt = row.orphanedAt ?? this.db.clock.now();
      this.touch(row);
      if (!input.guardUnused) {
        this.upsertGuard({
          kind,
          recordId,
          generation: input.generation,
          pubkey: input.guardAddress,
          status: 'BURNED',
          consumedSignature: input.burnSignature ?? undefined,
        });
      }
    }
    if (shopLeft) return { mutationIds: [] };
    const mutationKind = kind === 'payment' ? 'PAYMENT_SESSION_REJECT' : 'REFUND_SESSION_REJECT';
    // The Prisma adapter sends EXPIRED as the most specific code of the session's API version.
    const code = kind !== 'payment' ? 'PROCESSING_ERROR' : (row.rejectCode ?? 'PROCESSING_ERROR');
    const mutation = this.db.enqueueMutation({
      kind: mutationKind,
      merchantId: row.merchantId,
      ...(kind === 'payment' ? { paymentId: recordId } : { refundId: recordId }),
      variables: {
        id: row.gid,
        reason: { code, merchantMessage: row.rejectReason ?? 'Rejected' },
      },
      dedupeKey: `${mutationKind}:${recordId}`,
      apiVersion: row.apiVersion,
    });
    return { mutationIds: [mutation.id] };
  }

  async expiredOpenRecords(
    now: Date,
    blockHeight: bigint,
    limit: number,
  ): Promise<Array<{ kind: RecordKind; id: string }>> {
    return [...this.db.payments.values()]
      .filter(
        (row) =>
          row.status === 'OPEN' &&
          row.expiresAt.getTime() < now.getTime() &&
          !this.servedOf('payment', row.id).some(
            (served) => served.status === 'SERVED' && served.lastValidBlockHeight >= blockHeight,
          ),
      )
      .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime())
      .slice(0, limit)
      .map((row) => ({ kind: 'payment' as const, id: row.id }));
  }

  async rejectingRecords(limit: number): Promise<Array<{ kind: RecordKind; id: string }>> {
    const oldestFirst = <T extends PaymentRow | RefundRow>(rows: Iterable<T>) =>
      [...rows]
        .filter((row) => row.status === 'REJECTING')
        .sort((a, b) => a.updatedSeq - b.updatedSeq)
        .slice(0, limit);
    return [
      ...oldestFirst(this.db.payments.values()).map((row) => ({
        kind: 'payment' as const,
        id: row.id,
      })),
      ...oldestFirst(this.db.refunds.values()).map((row) => ({
        kind: 'refund' as const,
        id: row.id,
      })),
    ];
  }

  async sweepableGuards(blockHeight: bigint, limit: number): Promise<SweepableGuard[]> {
    return [...this.db.guards.values()]
      .filter(
        (row) => CLOSED_GUARD_STATES.has(row.status) && row.lastValidBlockHeight < blockHeight,
      )
      .sort((a, b) => a.updatedSeq - b.updatedSeq)
      .slice(0, limit)
      .flatMap((row) => {
        const record = this.db.record(row.kind, row.recordId);
        const merchant = record && this.db.merchants.get(record.merchantId);
        if (!record || !merchant) return [];
        return [
          {
            guardId: row.id,
            kind: row.kind,
            recordId: row.recordId,
            shop: merchant.shopDomain,
            shopifyId: record.shopifyId,
            generation: row.generation,
            lastValidBlockHeight: row.lastValidBlockHeight,
          },
        ];
      });
  }

  async saveRedirectUrl(paymentId: string, redirectUrl: string): Promise<void> {
    const row = this.db.payments.get(paymentId);
    if (!row) throw new Error(`Record to update not found: payment ${paymentId}`);
    row.redirectUrl = redirectUrl;
  }

  async flagOrphaned(kind: RecordKind, recordId: string, at: Date): Promise<void> {
    const row = this.db.record(kind, recordId);
    if (row?.status === 'PAID' && row.orphanedAt === null) row.orphanedAt = at;
  }

  async markGuardSwept(guardId: string, signature: string | null): Promise<void> {
    const row = this.db.guards.get(guardId);
    if (!row) throw new Error(`No guard ${guardId}`);
    row.status = 'SWEPT';
    row.sweptSignature = signature;
    row.updatedSeq = this.db.tick();
  }
}
