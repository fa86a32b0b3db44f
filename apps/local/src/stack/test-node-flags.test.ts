import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepositoryRoot } from './find-repository-root';
import { TEST_NODE_FLAGS } from './test-node-flags';

describe('TEST_NODE_FLAGS', () => {
  it('are the flags package.json starts jest with, for the test and screenshot scripts', () => {
    const manifest = JSON.parse(
      readFileSync(join(findRepositoryRoot(__dirname), 'package.json'), 'utf8'),
    ) as { scripts: Record<string, string> };
    const jest = `node ${TEST_NODE_FLAGS.join(' ')} node_modules/jest/bin/jest.js`;
    expect(manifest.scripts.test).toContain(jest);
    expect(manifest.scripts.screenshots).toContain(jest);
  });
});
