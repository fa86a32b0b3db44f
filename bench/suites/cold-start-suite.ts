import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, stop as stopEsbuild } from 'esbuild';
import { loadServerlessFunctions, resolveModuleFile } from '../../apps/local/src/index';
import { bundleHandler, type HandlerBundle } from '../cold/bundle-handler';
import { coldStartEvent } from '../cold/cold-start-event';
import { serverlessEsbuildOptions } from '../cold/serverless-esbuild-options';
import { serverlessNodeOptions } from '../cold/serverless-node-options';
import { timeFreshProcess } from '../cold/time-fresh-process';
import type { BenchRow } from '../report/bench-row';
import { median } from '../stats/median';
import type { BenchContext } from './bench-context';

const GROUP = 'cold start per Lambda bundle (fresh Node process → first response)';

/**
 * For every function in serverless.yml: bundle it as `serverless package` does, report the
 * bundle size, then start a fresh Node process (with the stack's environment and the function's
 * deployed `NODE_OPTIONS`, read from serverless.yml) that loads the bundle and answers one
 * realistic event; the time from spawn to the answer is the cold start, and the process's CPU
 * time until then is reported beside it. Baseline: a bare Node process printing one line (same
 * `NODE_OPTIONS`), measured in the same run.
 */
export async function runColdStartSuite(ctx: BenchContext): Promise<BenchRow[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'solpay-cold-'));
  try {
    const runner = join(outDir, 'cold-start-runner.js');
    await build({
      entryPoints: [join(ctx.rootDir, 'bench', 'cold', 'cold-start-runner.ts')],
      outfile: runner,
      bundle: true,
      platform: 'node',
      target: 'node24',
      format: 'cjs',
      logLevel: 'silent',
    });
    const serverlessYml = join(ctx.rootDir, 'serverless.yml');
    const nodeOptionsOf = serverlessNodeOptions(serverlessYml);
    const environmentOf = (functionName: string): NodeJS.ProcessEnv => {
      const nodeOptions = nodeOptionsOf(functionName);
      return {
        PATH: process.env.PATH,
        ...ctx.appEnv,
        ...(nodeOptions === undefined ? {} : { NODE_OPTIONS: nodeOptions }),
        NODE_EXTRA_CA_CERTS: ctx.stack.certs.ca,
      };
    };
    const bare = async (env: NodeJS.ProcessEnv) =>
      (await timeFreshProcess(['-e', "process.stdout.write('COLD {}\\n')"], env)).totalMs;
    const functions = loadServerlessFunctions(serverlessYml);
    const esbuildOptions = serverlessEsbuildOptions(serverlessYml);
    const rows: BenchRow[] = [];
    // Every bundle is built before any is timed: esbuild's service keeps a core busy for a while
    // after each build, and a process timed beside it would be charged for it.
    const bundles: Array<{ fn: (typeof functions)[number]; bundle: HandlerBundle }> = [];
    for (const fn of functions) {
      const entry = resolveModuleFile(fn);
      if (!entry) {
        rows.push({
          group: GROUP,
          metric: `${fn.name} size`,
          unit: 'KB',
          value: null,
          note: 'handler missing',
        });
        continue;
      }
      try {
        bundles.push({ fn, bundle: await bundleHandler(fn.name, entry, outDir, esbuildOptions) });
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        rows.push({
          group: GROUP,
          metric: `${fn.name} size`,
          unit: 'KB',
          value: null,
          note: `bundling failed: ${reason}`,
        });
      }
    }
    await stopEsbuild();
    for (const { fn, bundle } of bundles) {
      const eventFile = join(outDir, fn.name, 'event.json');
      const env = environmentOf(fn.name);
      const times: number[] = [];
      const bareTimes: number[] = [];
      const outcomes = new Set<string>();
      const loads: number[] = [];
      const invokes: number[] = [];
      const cpus: number[] = [];
      for (let run = 0; run < ctx.runs; run += 1) {
        writeFileSync(eventFile, JSON.stringify(coldStartEvent(fn, ctx.stack, ctx.appEnv)));
        const timing = await timeFreshProcess([runner, bundle.file, fn.exportName, eventFile], env);
        times.push(timing.totalMs);
        const report = timing.report;
        outcomes.add(String(report?.outcome ?? report?.error ?? 'no answer'));
        if (typeof report?.requireMs === 'number') loads.push(report.requireMs);
        if (typeof report?.invokeMs === 'number') invokes.push(report.invokeMs);
        if (typeof report?.cpuMs === 'number') cpus.push(report.cpuMs);
        bareTimes.push(await bare(env));
      }
      const value = median(times);
      const baseline = median(bareTimes);
      ctx.log(
        `${fn.name}: ${(bundle.bytes / 1024).toFixed(0)} KB, first response ${value.toFixed(0)} ms (${[...outcomes].join(', ')})`,
      );
      rows.push(
        { group: GROUP, metric: `${fn.name} size`, unit: 'KB', value: bundle.bytes / 1024 },
        {
          group: GROUP,
          metric: `${fn.name} first response`,
          unit: 'ms',
          value,
          baseline,
          ratio: value / baseline,
          note:
            `answered: ${[...outcomes].join(', ')}; ` +
            (loads.length && invokes.length
              ? `loading the bundle ${median(loads).toFixed(0)} ms, first invocation ${median(invokes).toFixed(0)} ms; `
              : '') +
            (cpus.length ? `process CPU ${median(cpus).toFixed(0)} ms; ` : '') +
            'baseline: bare node start',
        },
      );
    }
    return rows;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
