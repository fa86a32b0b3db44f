import type { MutationDispatchPort } from '../ports/mutation-dispatch-port';
import type { InMemoryDatabase, MutationKind, MutationRow } from './in-memory-database';

/** A mutation as Shopify received it. */
export interface DeliveredMutation {
  id: string;
  kind: MutationKind;
  paymentId: string | null;
  refundId: string | null;
  variables: Record<string, unknown>;
}

/**
 * {@link MutationDispatchPort} that delivers outbox rows of an {@link InMemoryDatabase} to an
 * in-memory Shopify: a PENDING row is sent once and marked SUCCEEDED; a row already sent or
 * cancelled is not sent again (as the queue's dispatcher claims rows before sending). With
 * `shopifyDown` set, sends fail and rows stay PENDING for {@link sweep} (the outbox backstop).
 */
export class InMemoryMutationDispatch implements MutationDispatchPort {
  /** Everything Shopify received, in order. */
  readonly delivered: DeliveredMutation[] = [];
  /** The id lists `dispatchSoon` was called with. */
  readonly calls: string[][] = [];
  shopifyDown = false;

  constructor(private readonly db: InMemoryDatabase) {}

  async dispatchSoon(mutationIds: string[]): Promise<void> {
    this.calls.push([...mutationIds]);
    for (const id of mutationIds) {
      const row = this.db.mutations.get(id);
      if (row) this.send(row);
    }
  }

  /** Sends every PENDING row, as the outbox sweep does after a crash or an outage. */
  async sweep(): Promise<void> {
    for (const row of this.db.mutations.values()) this.send(row);
  }

  /** What Shopify received about one record (or of one kind). */
  deliveredFor(filter: { kind?: MutationKind; paymentId?: string; refundId?: string }) {
    return this.delivered.filter(
      (row) =>
        (filter.kind === undefined || row.kind === filter.kind) &&
        (filter.paymentId === undefined || row.paymentId === filter.paymentId) &&
        (filter.refundId === undefined || row.refundId === filter.refundId),
    );
  }

  private send(row: MutationRow): void {
    if (row.status !== 'PENDING') return;
    if (this.shopifyDown) {
      row.lastError = 'Shopify unavailable';
      return;
    }
    row.status = 'SUCCEEDED';
    this.delivered.push({
      id: row.id,
      kind: row.kind,
      paymentId: row.paymentId,
      refundId: row.refundId,
      variables: row.variables,
    });
  }
}
