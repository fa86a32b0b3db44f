import { afterEach, describe, expect, it } from '@jest/globals';
import { testDatabaseTargets } from './test-database';

describe('testDatabaseTargets', () => {
  const original = process.env.TEST_POSTGRES_URL;

  afterEach(() => {
    if (original === undefined) delete process.env.TEST_POSTGRES_URL;
    else process.env.TEST_POSTGRES_URL = original;
  });

  it('is only pglite without TEST_POSTGRES_URL', () => {
    delete process.env.TEST_POSTGRES_URL;
    expect(testDatabaseTargets()).toEqual(['pglite']);
    process.env.TEST_POSTGRES_URL = '';
    expect(testDatabaseTargets()).toEqual(['pglite']);
  });

  it('adds postgres when TEST_POSTGRES_URL is set', () => {
    process.env.TEST_POSTGRES_URL = 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
    expect(testDatabaseTargets()).toEqual(['pglite', 'postgres']);
  });
});
