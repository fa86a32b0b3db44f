import { describe, expect, it } from '@jest/globals';
import { retryExecutionName } from './execution-name';
import { retryMessageSchema } from './retry-message-schema';

const message = retryMessageSchema.parse({
  mutationId: '0b6f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  attempt: 12,
  delaySeconds: 14400,
  dueAt: '2026-03-01T10:00:00.000Z',
});

describe('retryExecutionName', () => {
  it('is a valid, stable Step Functions execution name', () => {
    const name = retryExecutionName(message);
    expect(name).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
    expect(retryExecutionName({ ...message })).toBe(name);
  });

  it('differs per attempt and per schedule (replays get new executions)', () => {
    const name = retryExecutionName(message);
    expect(retryExecutionName({ ...message, attempt: 13 })).not.toBe(name);
    expect(retryExecutionName({ ...message, dueAt: '2026-03-02T10:00:00.000Z' })).not.toBe(name);
  });
});

describe('retryMessageSchema', () => {
  it.each([
    [{ ...message, attempt: 0 }],
    [{ ...message, delaySeconds: -1 }],
    [{ ...message, delaySeconds: 1.5 }],
    [{ ...message, mutationId: 'nope' }],
    [{ ...message, dueAt: 'tomorrow' }],
  ])('rejects %j', (bad) => {
    expect(retryMessageSchema.safeParse(bad).success).toBe(false);
  });
});
