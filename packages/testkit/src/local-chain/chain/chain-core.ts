import { randomBytes } from 'node:crypto';
import { BlockClock, type BlockInfo } from './block-clock';
import { Ledger, type LandedTransaction } from './ledger';
import { SvmRuntime } from './svm-runtime';
import { TransactionProcessor } from './transaction-processor';

/** Slots per epoch reported by the chain (mainnet value). */
export const SLOTS_PER_EPOCH = 432_000;

/** Settings of a {@link ChainCore}. */
export interface ChainCoreOptions {
  finalizeAfterSlots: number;
  blockhashLifetimeBlocks: number;
  /** Continue a chain restored from a snapshot: same genesis seed, next slot after its tip. */
  resume?: { genesisSeed: string; slot: number; blockHeight: number };
}

/** Things that happen on the chain that subscribers care about. */
export interface ChainEvents {
  onSlot?: (block: BlockInfo) => void;
  onLanded?: (landed: LandedTransaction) => void;
}

/** The in-process chain: SVM state, block clock, ledger and transaction pipeline. */
export class ChainCore {
  readonly svm = new SvmRuntime();
  readonly ledger = new Ledger();
  readonly clock: BlockClock;
  /** Mixed into every blockhash; kept in snapshots so a restored chain stays the same chain. */
  readonly genesisSeed: string;
  readonly processor: TransactionProcessor;
  private readonly listeners: ChainEvents[] = [];

  constructor(options: ChainCoreOptions) {
    this.genesisSeed = options.resume?.genesisSeed ?? randomBytes(16).toString('hex');
    this.clock = new BlockClock({
      genesisSeed: this.genesisSeed,
      ...(options.resume
        ? { firstSlot: options.resume.slot + 1, firstBlockHeight: options.resume.blockHeight + 1 }
        : {}),
      blockhashLifetimeBlocks: options.blockhashLifetimeBlocks,
      finalizeAfterSlots: options.finalizeAfterSlots,
    });
    this.processor = new TransactionProcessor({
      svm: this.svm,
      clock: this.clock,
      ledger: this.ledger,
      onLanded: (landed) => this.listeners.forEach((l) => l.onLanded?.(landed)),
    });
    this.syncSvmClock();
  }

  /** Registers a listener for slots and landed transactions. */
  subscribe(listener: ChainEvents): void {
    this.listeners.push(listener);
  }

  /** Produces `n` blocks now. */
  advance(n = 1): BlockInfo {
    const tip = this.clock.advance(n);
    this.syncSvmClock();
    this.listeners.forEach((l) => l.onSlot?.(tip));
    return tip;
  }

  /** Epoch info of the current tip. */
  epochInfo(): { epoch: number; slotIndex: number; slotsInEpoch: number } {
    const { slot } = this.clock.tip;
    return {
      epoch: Math.floor(slot / SLOTS_PER_EPOCH),
      slotIndex: slot % SLOTS_PER_EPOCH,
      slotsInEpoch: SLOTS_PER_EPOCH,
    };
  }

  private syncSvmClock(): void {
    const tip = this.clock.tip;
    this.svm.setClock(tip.slot, tip.blockTime, Math.floor(tip.slot / SLOTS_PER_EPOCH));
  }
}
