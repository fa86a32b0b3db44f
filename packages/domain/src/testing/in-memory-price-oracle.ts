import type { PriceOraclePort, PriceReading } from '../ports/price-oracle-port';

/** {@link PriceOraclePort} over price accounts held in memory (missing feed → `null`). */
export class InMemoryPriceOracle implements PriceOraclePort {
  private readonly accounts = new Map<string, PriceReading>();
  /** Feed-id lists read, in order (one entry per round trip). */
  readonly reads: string[][] = [];

  /** Publishes `reading` on its feed's account. */
  publish(reading: PriceReading): void {
    this.accounts.set(reading.feedId, reading);
  }

  async readPrices(feedIds: readonly string[]): Promise<Map<string, PriceReading | null>> {
    this.reads.push([...feedIds]);
    return new Map(feedIds.map((id) => [id, this.accounts.get(id) ?? null]));
  }
}
