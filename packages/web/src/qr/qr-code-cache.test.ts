import { describe, expect, it } from '@jest/globals';
import { qrCodeCache } from './qr-code-cache';

function readySignal(): { onReady: () => void; next: () => Promise<void> } {
  let resolve: () => void = () => undefined;
  let pending = new Promise<void>((done) => (resolve = done));
  return {
    onReady: () => resolve(),
    next: async () => {
      await pending;
      pending = new Promise<void>((done) => (resolve = done));
    },
  };
}

describe('qrCodeCache', () => {
  it('draws a text once, then answers with its SVG data URL', async () => {
    const ready = readySignal();
    const qrFor = qrCodeCache(ready.onReady);
    expect(qrFor('solana:https://pay.example.com/tx/1')).toBeUndefined();
    await ready.next();
    const url = qrFor('solana:https://pay.example.com/tx/1');
    expect(url).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    expect(decodeURIComponent(url ?? '')).toContain('<svg');
  });

  it('forgets the previous text when asked for another', async () => {
    const ready = readySignal();
    const qrFor = qrCodeCache(ready.onReady);
    qrFor('first');
    await ready.next();
    const first = qrFor('first');
    expect(qrFor('second')).toBeUndefined();
    await ready.next();
    const second = qrFor('second');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
  });
});
