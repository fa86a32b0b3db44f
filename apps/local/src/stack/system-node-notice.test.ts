import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { systemNodeNotice } from './system-node-notice';

const dir = mkdtempSync(join(tmpdir(), 'system-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A `node` executable on PATH that only answers `--version`. */
function fakeNode(version: string): string {
  const bin = mkdtempSync(join(dir, 'bin-'));
  const file = join(bin, 'node');
  writeFileSync(file, `#!/bin/sh\necho ${version}\n`);
  chmodSync(file, 0o755);
  return bin;
}

describe('systemNodeNotice', () => {
  it('explains EBADENGINE when the system Node is older than the pinned one', () => {
    const notice = systemNodeNotice({ PATH: fakeNode('v20.20.2') });
    expect(notice).toContain('v20.20.2');
    expect(notice).toContain(process.version);
    expect(notice).toContain('EBADENGINE');
  });

  it('says nothing when the system Node is as new, or absent', () => {
    expect(systemNodeNotice({ PATH: fakeNode(process.version) })).toBeUndefined();
    expect(systemNodeNotice({ PATH: join(dir, 'nowhere') })).toBeUndefined();
  });

  it('looks past npm\u2019s node_modules/.bin, where the pinned Node is', () => {
    const pinned = join(fakeNode(process.version), '..', 'node_modules', '.bin');
    expect(systemNodeNotice({ PATH: `${pinned}:${fakeNode('v18.0.0')}` })).toContain('v18.0.0');
  });
});
