import type { PGlite } from '@electric-sql/pglite';
import { ReadyForQueryScanner } from './ready-for-query-scanner';

/** Frontend `Sync` message: ends an unfinished extended-protocol exchange. */
const SYNC_MESSAGE = new Uint8Array([0x53, 0, 0, 0, 4]);

/**
 * Extended-protocol messages the backend answers without the client waiting for the answer
 * (Parse, Bind, Describe, Execute, Close): a client sends them ahead and waits only after `Sync`
 * or `Flush`, so they can be held back and run together with the message that ends the batch.
 */
const PIPELINED = new Set([0x50, 0x42, 0x44, 0x45, 0x43]);

interface Task {
  connectionId: number;
  run: () => Promise<void>;
  cancel: (reason: Error) => void;
}

/**
 * Serialises the protocol messages of many client connections onto one PGlite backend.
 *
 * PGlite is a single PostgreSQL session, so everything that lives in a session (the unnamed
 * prepared statement of the extended protocol, an open transaction, the "skip until Sync" error
 * state) would leak between connections if their messages interleaved. pglite-socket's own queue
 * only keeps explicit transactions together, which still lets a `Parse` of one connection land
 * between the `Parse` and `Bind` of another. This queue hands the backend to one connection from
 * its first message until the backend reports `ReadyForQuery` with status idle; other
 * connections wait. Its public methods match what `PGLiteSocketHandler` expects of its queue.
 */
export class SessionQueue {
  private readonly tasks: Task[] = [];
  /** Pipelined messages per connection, not yet run (see {@link PIPELINED}). */
  private readonly held = new Map<number, Uint8Array[]>();
  private owner: number | null = null;
  private pumping = false;

  /** @param db the PGlite instance all connections share. */
  constructor(private readonly db: PGlite) {}

  /** Runs one frontend message for `connectionId`, streaming the backend's answer to `onData`. */
  enqueue(
    connectionId: number,
    message: Uint8Array,
    onData: (data: Uint8Array) => void,
  ): Promise<number> {
    // One backend call per batch instead of per message: each call enters the wasm main loop,
    // syncs the file system and writes to the socket, so a query (Parse, Bind, Describe,
    // Execute, Sync) cost five of each.
    const type = message[0];
    if (type !== undefined && PIPELINED.has(type)) {
      const held = this.held.get(connectionId);
      if (held) held.push(message);
      else this.held.set(connectionId, [message]);
      return Promise.resolve(0);
    }
    const held = this.held.get(connectionId);
    if (held) {
      this.held.delete(connectionId);
      message = concatMessages([...held, message]);
    }
    return new Promise<number>((resolve, reject) => {
      this.tasks.push({
        connectionId,
        cancel: reject,
        run: async () => {
          const scanner = new ReadyForQueryScanner();
          let bytes = 0;
          try {
            await this.db.runExclusive(() =>
              this.db.execProtocolRawStream(message, {
                onRawData: (data) => {
                  bytes += data.length;
                  scanner.push(data);
                  onData(data);
                },
              }),
            );
          } catch (error) {
            reject(error);
            return;
          }
          this.owner = scanner.lastStatus === 'I' ? null : connectionId;
          resolve(bytes);
        },
      });
      void this.pump();
    });
  }

  /** Number of messages waiting. */
  getQueueLength(): number {
    return this.tasks.length;
  }

  /** Drops the waiting messages of a connection that went away. */
  clearQueueForHandler(connectionId: number): void {
    this.held.delete(connectionId);
    for (let i = this.tasks.length - 1; i >= 0; i--) {
      const task = this.tasks[i];
      if (task?.connectionId !== connectionId) continue;
      this.tasks.splice(i, 1);
      task.cancel(new Error('connection closed'));
    }
  }

  /**
   * Called when a connection closes: if it still owned the session (mid-exchange or inside a
   * transaction), finish the exchange and roll back so the next connection starts clean.
   */
  clearTransactionIfNeeded(connectionId: number): Promise<void> {
    if (this.owner !== connectionId) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.tasks.unshift({
        connectionId,
        cancel: () => resolve(),
        run: async () => {
          try {
            await this.db.runExclusive(() => this.db.execProtocolRaw(SYNC_MESSAGE));
            // exec() takes the same lock itself, so it must not run inside runExclusive.
            if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
          } finally {
            this.owner = null;
            resolve();
          }
        },
      });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const index = this.tasks.findIndex(
          (task) => this.owner === null || task.connectionId === this.owner,
        );
        if (index < 0) return;
        const [task] = this.tasks.splice(index, 1);
        if (!task) return;
        // The running connection owns the session until its answer says the backend is idle.
        this.owner = task.connectionId;
        await task.run();
      }
    } finally {
      this.pumping = false;
    }
  }
}

function concatMessages(messages: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const message of messages) length += message.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const message of messages) {
    out.set(message, offset);
    offset += message.length;
  }
  return out;
}
