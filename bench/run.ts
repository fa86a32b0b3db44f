import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findRepositoryRoot } from '../apps/local/src/stack/find-repository-root';
import type { BenchRow } from './report/bench-row';
import { crossProfileRows } from './report/cross-profile-rows';
import { formatTable } from './report/format-table';
import { writeResults, type BenchResults } from './report/write-results';
import { readStackTls } from './stack/read-stack-tls';
import { spawnBenchStack } from './stack/spawn-bench-stack';
import type { BenchContext } from './suites/bench-context';
import { BENCH_SUITES } from './suites/bench-suites';

const USAGE = `npm run bench [-- --runs 3 --duration 5 --only payment,tx,e2e,cold --profiles local,production --cpu-prof <dir> --buyers 50]`;

/**
 * `npm run bench`: for each latency profile (`LOCAL_PROFILE`, default both `local` and
 * `production`), starts the local stack in a child process (fresh state in a temp folder), runs
 * the suites in order, prints one table with every figure (median of the runs), its baseline
 * measured in the same run and the ratio, and writes the JSON to `bench/results/`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      buyers: { type: 'string', default: '50' },
      duration: { type: 'string', default: '5' },
      only: { type: 'string' },
      profiles: { type: 'string', default: 'local,production' },
      keep: { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const runs = Number(values.runs);
  const durationSeconds = Number(values.duration);
  const buyers = Number(values.buyers);
  if (!Number.isInteger(runs) || runs < 1 || !(durationSeconds > 0)) throw new Error(USAGE);
  if (!Number.isInteger(buyers) || buyers < 1) throw new Error(USAGE);
  const wanted = values.only?.split(',').map((s) => s.trim());
  const suites = BENCH_SUITES.filter((suite) => !wanted || wanted.includes(suite.name));

  const profiles = (values.profiles ?? 'local,production').split(',').map((p) => p.trim());
  if (profiles.some((p) => p !== 'local' && p !== 'production')) throw new Error(USAGE);
  const isProfile = (p: string): p is 'local' | 'production' => p === 'local' || p === 'production';

  const rootDir = findRepositoryRoot();
  const startedAt = new Date();
  const log = (line: string) =>
    console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const rows: BenchRow[] = [];
  const skipped: BenchResults['skipped'] = [];
  for (const profile of profiles.filter(isProfile)) {
    const dataDir = mkdtempSync(join(tmpdir(), 'solpay-bench-'));
    log(`starting the local stack (LOCAL_PROFILE=${profile}) in ${dataDir} …`);
    // `--cpu-prof <dir>`: the stack process writes a V8 CPU profile there when it stops.
    const cpuProfDir = values['cpu-prof'];
    const nodeArgs = cpuProfDir
      ? ['--cpu-prof', '--cpu-prof-dir', resolve(cpuProfDir, profile)]
      : [];
    const running = await spawnBenchStack(
      rootDir,
      dataDir,
      { ...process.env, LOCAL_PROFILE: profile },
      nodeArgs,
    );
    const tag = (row: BenchRow): BenchRow => ({ ...row, group: `[${profile}] ${row.group}` });
    try {
      const { stack } = running;
      log(`stack up (pid ${running.pid}): green ${stack.urls.green}, purple ${stack.urls.purple}`);
      const ctx: BenchContext = {
        rootDir,
        stack,
        profile,
        stackPid: running.pid,
        appEnv: running.appEnv,
        tls: readStackTls(stack),
        runs,
        durationSeconds,
        buyers,
        log,
      };
      for (const suite of suites) {
        log(`── [${profile}] ${suite.title}`);
        try {
          rows.push(...(await suite.run(ctx)).map(tag));
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          log(`${suite.name} could not run: ${reason}`);
          skipped.push({ suite: `${suite.name} (${profile})`, reason });
        }
      }
    } finally {
      await running.stop();
      if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
    }
  }

  rows.push(...crossProfileRows(rows));
  const results: BenchResults = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, platform: process.platform },
    settings: { runs, durationSeconds, suites: suites.map((s) => s.name) },
    rows,
    skipped,
  };
  const file = writeResults(join(rootDir, 'bench', 'results'), results);
  console.log('');
  console.log(
    `Solana Pay for Shopify — benchmarks (median of ${runs} runs, ${durationSeconds} s each, ` +
      `${results.machine.cpus} CPUs, Node ${process.version})`,
  );
  console.log(formatTable(rows));
  for (const { suite, reason } of skipped) console.log(`skipped ${suite}: ${reason}`);
  console.log(`\nJSON: ${file}`);
  if (skipped.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
