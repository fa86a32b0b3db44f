import { createHash } from 'node:crypto';
import { PublicKey } from '@solana/web3.js';

/** Commitment levels understood by the local chain. */
export type Commitment = 'processed' | 'confirmed' | 'finalized';

/** One produced block: its slot, height, hash and wall-clock time. */
export interface BlockInfo {
  slot: number;
  blockHeight: number;
  blockhash: string;
  /** Unix seconds. */
  blockTime: number;
}

/** Settings of a {@link BlockClock}. */
export interface BlockClockOptions {
  /** Seed mixed into every blockhash so two chains never share hashes. */
  genesisSeed: string;
  /** Blocks a blockhash stays usable after it was produced. */
  blockhashLifetimeBlocks: number;
  /** Slots after which a block counts as finalized. */
  finalizeAfterSlots: number;
  firstSlot?: number;
  firstBlockHeight?: number;
  now?: () => number;
}

/**
 * Produces one block per slot and remembers every blockhash it ever issued, so that any
 * blockhash stays valid for exactly `blockhashLifetimeBlocks` blocks (like a real cluster),
 * not just the newest one (which is all LiteSVM itself would accept).
 */
export class BlockClock {
  private readonly blocks: BlockInfo[] = [];
  private readonly bySlot = new Map<number, BlockInfo>();
  private readonly byHash = new Map<string, BlockInfo>();
  private readonly now: () => number;

  /** Genesis hash of this chain (base58). */
  readonly genesisHash: string;

  constructor(private readonly options: BlockClockOptions) {
    this.now = options.now ?? (() => Date.now());
    this.genesisHash = this.hashFor('genesis');
    this.produce(options.firstSlot ?? 1_000, options.firstBlockHeight ?? 900);
  }

  /** The newest block (the `processed` tip). */
  get tip(): BlockInfo {
    const tip = this.blocks[this.blocks.length - 1];
    if (!tip) throw new Error('BlockClock has no blocks');
    return tip;
  }

  /** Blocks a blockhash stays valid for. */
  get lifetime(): number {
    return this.options.blockhashLifetimeBlocks;
  }

  /** Produces `n` new blocks (one slot each) and returns the new tip. */
  advance(n = 1): BlockInfo {
    for (let i = 0; i < n; i += 1) this.produce(this.tip.slot + 1, this.tip.blockHeight + 1);
    return this.tip;
  }

  /** The newest block visible at the given commitment. */
  blockAt(commitment: Commitment): BlockInfo {
    const lag =
      commitment === 'processed'
        ? 0
        : commitment === 'confirmed'
          ? Math.min(1, this.options.finalizeAfterSlots)
          : this.options.finalizeAfterSlots;
    const index = Math.max(0, this.blocks.length - 1 - lag);
    const block = this.blocks[index];
    if (!block) throw new Error('BlockClock has no blocks');
    return block;
  }

  /** Commitment reached by something that landed in `slot`, seen from the current tip. */
  commitmentOf(slot: number): Commitment {
    const distance = this.tip.slot - slot;
    if (distance >= this.options.finalizeAfterSlots) return 'finalized';
    if (distance >= 1) return 'confirmed';
    return 'processed';
  }

  /** Block produced in `slot`, if any. */
  block(slot: number): BlockInfo | undefined {
    return this.bySlot.get(slot);
  }

  /** Last block height at which a transaction using `blockhash` can still land; undefined if unknown. */
  lastValidBlockHeight(blockhash: string): number | undefined {
    const block = this.byHash.get(blockhash);
    return block === undefined
      ? undefined
      : block.blockHeight + this.options.blockhashLifetimeBlocks;
  }

  /** Whether a transaction using `blockhash` may land at the current tip. */
  isBlockhashValid(blockhash: string): boolean {
    const last = this.lastValidBlockHeight(blockhash);
    return last !== undefined && this.tip.blockHeight <= last;
  }

  private produce(slot: number, blockHeight: number): void {
    const block: BlockInfo = {
      slot,
      blockHeight,
      blockhash: this.hashFor(`slot:${slot}`),
      blockTime: Math.floor(this.now() / 1000),
    };
    this.blocks.push(block);
    this.bySlot.set(slot, block);
    this.byHash.set(block.blockhash, block);
  }

  private hashFor(label: string): string {
    const digest = createHash('sha256')
      .update(`solpay-local-chain|${this.options.genesisSeed}|${label}`)
      .digest();
    return new PublicKey(digest).toBase58();
  }
}
