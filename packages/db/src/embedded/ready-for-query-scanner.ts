/** Transaction status reported by a PostgreSQL `ReadyForQuery` message. */
export type TransactionStatus = 'I' | 'T' | 'E';

const HEADER_LENGTH = 5;
const READY_FOR_QUERY = 0x5a; // 'Z'

/**
 * Streams over PostgreSQL backend messages (possibly split across chunks) and remembers the
 * transaction status of the last `ReadyForQuery` seen, so a server can tell when a client's
 * session is back to idle.
 */
export class ReadyForQueryScanner {
  private header = new Uint8Array(HEADER_LENGTH);
  private headerFilled = 0;
  private bodyRemaining = 0;
  private inReadyForQuery = false;
  private status: TransactionStatus | null = null;

  /** Status of the last complete `ReadyForQuery`, or `null` when none was seen yet. */
  get lastStatus(): TransactionStatus | null {
    return this.status;
  }

  /** Feeds the next chunk of backend output. */
  push(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.bodyRemaining > 0) {
        const take = Math.min(this.bodyRemaining, chunk.length - offset);
        if (this.inReadyForQuery && this.bodyRemaining === 1) {
          this.status = toStatus(chunk[offset]);
        }
        this.bodyRemaining -= take;
        offset += take;
        continue;
      }
      this.header[this.headerFilled++] = chunk[offset++] ?? 0;
      if (this.headerFilled < HEADER_LENGTH) continue;
      this.headerFilled = 0;
      const length = new DataView(this.header.buffer).getInt32(1);
      this.inReadyForQuery = this.header[0] === READY_FOR_QUERY && length === 5;
      this.bodyRemaining = Math.max(0, length - 4);
    }
  }
}

function toStatus(byte: number | undefined): TransactionStatus | null {
  switch (byte) {
    case 0x49:
      return 'I';
    case 0x54:
      return 'T';
    case 0x45:
      return 'E';
    default:
      return null;
  }
}
