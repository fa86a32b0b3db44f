import { describe, expect, it } from '@jest/globals';
import { onFirstUse } from './on-first-use';

class Counter {
  #count = 0;
  readonly label = 'counter';
  increment(): number {
    this.#count += 1;
    return this.#count;
  }
}

describe('onFirstUse', () => {
  it('builds the port at the first member read, once, with its methods bound to it', () => {
    let builds = 0;
    const counter = onFirstUse(() => {
      builds += 1;
      return new Counter();
    });
    expect(builds).toBe(0);

    const { increment } = counter;
    expect(increment()).toBe(1);
    expect(counter.increment()).toBe(2);
    expect(counter.label).toBe('counter');
    expect('increment' in counter).toBe(true);
    expect(builds).toBe(1);
  });

  it('builds again at the next read when building failed, and throws what the build threw', () => {
    let attempts = 0;
    const port = onFirstUse<{ ping(): string }>(() => {
      attempts += 1;
      if (attempts === 1) throw new Error('SCREENING_API_KEY is required');
      return { ping: () => 'pong' };
    });

    expect(() => port.ping()).toThrow('SCREENING_API_KEY is required');
    expect(port.ping()).toBe('pong');
  });
});
