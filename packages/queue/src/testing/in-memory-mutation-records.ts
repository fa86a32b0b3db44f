import type { MutationRecords } from '../ports/mutation-records';

/** A payment or refund record as far as the outbox changes it. */
export interface InMemoryMutationRecord {
  status: 'OPEN' | 'REJECTING' | 'PAID' | 'REJECTED';
  redirectUrl: string | null;
  orphanedAt: Date | null;
}

/** {@link MutationRecords} in memory, with the records a test put in. */
export interface InMemoryMutationRecords extends MutationRecords {
  /** Adds (or replaces) a record. */
  put(kind: 'payment' | 'refund', id: string, record: Partial<InMemoryMutationRecord>): void;
  /** The record as stored; throws when there is none. */
  get(kind: 'payment' | 'refund', id: string): InMemoryMutationRecord;
}

/** The record store's outbox-facing writes, in memory, with the Prisma store's conditions. */
export function createInMemoryMutationRecords(): InMemoryMutationRecords {
  const records = new Map<string, InMemoryMutationRecord>();
  const key = (kind: string, id: string) => `${kind}:${id}`;
  const get = (kind: 'payment' | 'refund', id: string) => {
    const record = records.get(key(kind, id));
    if (!record) throw new Error(`no ${kind} record ${id}`);
    return record;
  };
  return {
    put(kind, id, record) {
      records.set(key(kind, id), {
        status: 'OPEN',
        redirectUrl: null,
        orphanedAt: null,
        ...record,
      });
    },
    get: (kind, id) => ({ ...get(kind, id) }),
    async saveRedirectUrl(paymentId, redirectUrl) {
      get('payment', paymentId).redirectUrl = redirectUrl;
    },
    async flagOrphaned(kind, recordId, at) {
      const record = records.get(key(kind, recordId));
      if (record && record.status === 'PAID' && record.orphanedAt === null) {
        record.orphanedAt = at;
      }
    },
  };
}
