import { describe, expect, it } from '@jest/globals';
import { acceptedApiVersion } from './accepted-api-version';

describe('acceptedApiVersion', () => {
  it('accepts the configured version and up to 12 months older', () => {
    expect(acceptedApiVersion('2025-10', '2025-10')).toEqual({ ok: true, version: '2025-10' });
    expect(acceptedApiVersion('2025-01', '2025-10')).toEqual({ ok: true, version: '2025-01' });
    expect(acceptedApiVersion(' 2024-10 ', '2025-10')).toEqual({ ok: true, version: '2024-10' });
  });

  it('rejects older, newer, malformed, unstable and missing versions', () => {
    expect(acceptedApiVersion('2024-07', '2025-10')).toEqual({ ok: false, reason: 'too-old' });
    expect(acceptedApiVersion('2026-01', '2025-10')).toEqual({ ok: false, reason: 'too-new' });
    expect(acceptedApiVersion('2025-02', '2025-10')).toEqual({ ok: false, reason: 'malformed' });
    expect(acceptedApiVersion('2025-10; drop', '2025-10')).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(acceptedApiVersion('unstable', '2025-10')).toEqual({
      ok: false,
      reason: 'unstable-not-allowed',
    });
    expect(acceptedApiVersion(undefined, '2025-10')).toEqual({ ok: false, reason: 'missing' });
  });

  it('accepts unstable and any stable version when configured as unstable', () => {
    expect(acceptedApiVersion('unstable', 'unstable')).toEqual({ ok: true, version: 'unstable' });
    expect(acceptedApiVersion('2025-04', 'unstable')).toEqual({ ok: true, version: '2025-04' });
  });

  it('throws on a malformed configured version', () => {
    expect(() => acceptedApiVersion('2025-10', '2025-13')).toThrow();
  });
});
