import { describe, expect, it } from '@jest/globals';
import { BlockClock } from './block-clock';

function clock() {
  return new BlockClock({
    genesisSeed: 'test',
    blockhashLifetimeBlocks: 150,
    finalizeAfterSlots: 2,
    firstSlot: 1_000,
    firstBlockHeight: 900,
    now: () => 1_700_000_000_000,
  });
}

describe('BlockClock', () => {
  it('keeps a blockhash valid up to and including its last valid block height', () => {
    const c = clock();
    const { blockhash, blockHeight } = c.tip;
    expect(c.lastValidBlockHeight(blockhash)).toBe(blockHeight + 150);
    c.advance(150);
    expect(c.tip.blockHeight).toBe(blockHeight + 150);
    expect(c.isBlockhashValid(blockhash)).toBe(true);
    c.advance(1);
    expect(c.isBlockhashValid(blockhash)).toBe(false);
  });

  it('never accepts a blockhash it did not issue', () => {
    expect(clock().isBlockhashValid('11111111111111111111111111111111')).toBe(false);
  });

  it('issues a new blockhash per slot and differs between chains', () => {
    const c = clock();
    const first = c.tip.blockhash;
    expect(c.advance(1).blockhash).not.toBe(first);
    const other = new BlockClock({
      genesisSeed: 'other',
      blockhashLifetimeBlocks: 150,
      finalizeAfterSlots: 2,
    });
    expect(other.genesisHash).not.toBe(c.genesisHash);
  });

  it('reports processed, confirmed and finalized by slot distance', () => {
    const c = clock();
    const slot = c.tip.slot;
    expect(c.commitmentOf(slot)).toBe('processed');
    c.advance(1);
    expect(c.commitmentOf(slot)).toBe('confirmed');
    expect(c.blockAt('confirmed').slot).toBe(slot);
    c.advance(1);
    expect(c.commitmentOf(slot)).toBe('finalized');
    expect(c.blockAt('finalized').slot).toBe(slot);
    expect(c.blockAt('processed').slot).toBe(slot + 2);
  });
});
