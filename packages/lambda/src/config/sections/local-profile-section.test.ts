import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../config-error';
import { readConfig } from '../read-config';
import { LATENCY_PROFILES } from './local-profile-section';

describe('localProfile configuration', () => {
  it('adds no latency by default', () => {
    expect(readConfig(['localProfile'], {}).localProfile).toEqual({
      profile: 'local',
      latency: LATENCY_PROFILES.local,
      finalityMs: undefined,
    });
  });

  it('reads the production profile and the finality time', () => {
    const { localProfile } = readConfig(['localProfile'], {
      LOCAL_PROFILE: 'production',
      LOCAL_FINALITY_MS: '13000',
    });
    expect(localProfile.latency).toEqual({
      rpcMs: 50,
      shopifyMs: 150,
      databaseMs: 1,
      screeningMs: 100,
    });
    expect(localProfile.finalityMs).toBe(13_000);
  });

  it('sets one component latency over the profile, 0 taking it out', () => {
    expect(
      readConfig(['localProfile'], { LOCAL_RPC_LATENCY_MS: '50' }).localProfile.latency,
    ).toEqual({ ...LATENCY_PROFILES.local, rpcMs: 50 });
    expect(
      readConfig(['localProfile'], {
        LOCAL_PROFILE: 'production',
        LOCAL_SCREENING_LATENCY_MS: '0',
        LOCAL_DATABASE_LATENCY_MS: '0',
        LOCAL_SHOPIFY_LATENCY_MS: '20',
      }).localProfile.latency,
    ).toEqual({ rpcMs: 50, shopifyMs: 20, databaseMs: 0, screeningMs: 0 });
  });

  it('names the key of an unknown profile or a bad finality time', () => {
    try {
      readConfig(['localProfile'], {
        LOCAL_PROFILE: 'mars',
        LOCAL_FINALITY_MS: '-1',
        LOCAL_RPC_LATENCY_MS: '-5',
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((issue) => issue.key).sort()).toEqual([
        'LOCAL_FINALITY_MS',
        'LOCAL_PROFILE',
        'LOCAL_RPC_LATENCY_MS',
      ]);
    }
  });
});
