/** A server started by the local stack. */
export interface RunningServer {
  /** Base URL, e.g. `https://localhost:8443` (no trailing slash). */
  url: string;
  /** The port actually bound. */
  port: number;
  /** Stops accepting connections, closes open ones and resolves when done. Idempotent. */
  close(): Promise<void>;
}
