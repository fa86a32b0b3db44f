import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './bench-row';

/** Everything one `npm run bench` produced. */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; node: string; platform: string };
  settings: { runs: number; durationSeconds: number; suites: string[] };
  rows: BenchRow[];
  /** Suites that could not run, with the reason. */
  skipped: { suite: string; reason: string }[];
}

/** Writes `bench/results/<timestamp>.json` and `bench/results/latest.json`; returns the first path. */
export function writeResults(dir: string, results: BenchResults): string {
  mkdirSync(dir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const file = join(dir, `bench-${stamp}.json`);
  const text = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(file, text);
  writeFileSync(join(dir, 'latest.json'), text);
  return file;
}
