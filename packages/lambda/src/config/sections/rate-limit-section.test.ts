import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../config-error';
import { readConfig } from '../read-config';

describe('rateLimits configuration', () => {
  it('defaults to 120/min per IP on AWS stages and effectively unlimited on the local stack', () => {
    for (const stage of ['dev', 'prod']) {
      expect(readConfig(['rateLimits'], { STAGE: stage }).rateLimits).toEqual({
        transactionRequestsPerIpPerMinute: 120,
        transactionRequestsPerRecordPerMinute: 30,
        heliusWebhooksPerMinute: 600,
      });
    }
    expect(readConfig(['rateLimits'], {}).rateLimits.transactionRequestsPerIpPerMinute).toBe(
      100_000,
    );
  });

  it('takes every budget from the environment', () => {
    const env = {
      STAGE: 'prod',
      TX_RATE_LIMIT_PER_IP: '1000',
      TX_RATE_LIMIT_PER_RECORD: '5',
      HELIUS_RATE_LIMIT: '60',
    };
    expect(readConfig(['rateLimits'], env).rateLimits).toEqual({
      transactionRequestsPerIpPerMinute: 1000,
      transactionRequestsPerRecordPerMinute: 5,
      heliusWebhooksPerMinute: 60,
    });
  });

  it('refuses budgets that are not positive integers', () => {
    const run = () =>
      readConfig(['rateLimits'], { TX_RATE_LIMIT_PER_IP: '0', HELIUS_RATE_LIMIT: 'x' });
    expect(run).toThrow(ConfigError);
    expect(() => run()).toThrow(/TX_RATE_LIMIT_PER_IP/);
  });
});
