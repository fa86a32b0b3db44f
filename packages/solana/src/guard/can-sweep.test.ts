import { canSweep } from './can-sweep';

describe('canSweep', () => {
  it('allows a sweep only once every served transaction is past its last valid block height', () => {
    expect(canSweep({ currentBlockHeight: 100, lastValidBlockHeights: [] })).toBe(true);
    expect(canSweep({ currentBlockHeight: 100, lastValidBlockHeights: [99, 50] })).toBe(true);
    expect(canSweep({ currentBlockHeight: 100, lastValidBlockHeights: [100] })).toBe(false);
    expect(canSweep({ currentBlockHeight: 100, lastValidBlockHeights: [10, 150] })).toBe(false);
  });
});
