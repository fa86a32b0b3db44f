/**
 * Runs inside a fresh Node process (bundled to plain JS first): loads one Lambda bundle, invokes
 * its handler once with the event from argv, prints one `COLD <json>` line and exits. Usage:
 * `node cold-start-runner.js <bundle.js> <exportName> <event.json>`.
 */
import { readFileSync } from 'node:fs';

async function main(): Promise<void> {
  const [bundle, exportName, eventFile] = process.argv.slice(2);
  if (!bundle || !exportName || !eventFile)
    throw new Error('usage: runner <bundle> <export> <event>');
  const event: unknown = JSON.parse(readFileSync(eventFile, 'utf8'));
  const loadStart = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(bundle) as Record<string, unknown>;
  const handler = mod[exportName] as (event: unknown, context: unknown) => Promise<unknown>;
  const loaded = performance.now();
  const context = {
    awsRequestId: 'cold-start',
    functionName: 'cold-start',
    getRemainingTimeInMillis: () => 30_000,
    callbackWaitsForEmptyEventLoop: false,
  };
  let outcome: string;
  try {
    const result = (await handler(event, context)) as { statusCode?: number } | undefined;
    outcome =
      result && typeof result.statusCode === 'number' ? `HTTP ${result.statusCode}` : 'returned';
  } catch (error) {
    outcome = `threw ${error instanceof Error ? error.name : 'error'}`;
  }
  const answered = performance.now();
  // CPU time of the whole process until the answer (Node's start included): unlike wall time,
  // it hardly moves when other processes share the cores.
  const cpu = process.cpuUsage();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(
    `COLD ${JSON.stringify({ loadStartMs: loadStart, requireMs: loaded - loadStart, invokeMs: answered - loaded, cpuMs, outcome })}\n`,
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stdout.write(`COLD ${JSON.stringify({ error: String(error) })}\n`);
  process.exit(1);
});
