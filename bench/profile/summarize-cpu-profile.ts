import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** A node of a V8 `.cpuprofile` (the fields read here). */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** A V8 `.cpuprofile` as `node --cpu-prof` writes it. */
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** One line of the summary: self time of a function or a package, and its share of busy time. */
export interface ProfileCost {
  name: string;
  selfMs: number;
  share: number;
}

/** Where a script URL comes from: the npm package, or the workspace folder, or Node itself. */
function origin(url: string): string {
  if (url === '') return '(native / V8)';
  if (url.startsWith('node:')) return 'node:internal';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  const m = /\/(apps|packages|bench)\/([^/]+)\//.exec(url);
  return m ? `${m[1]}/${m[2]}` : url;
}

/** Components of the local stack, by the origin of a frame (see {@link origin}). */
function component(pkg: string, url: string): string {
  if (pkg.startsWith('@electric-sql/')) return 'embedded database (PGlite, wasm)';
  if (pkg === 'pg' || pkg === 'pg-protocol' || pkg === 'pg-pool' || pkg === '@prisma/adapter-pg')
    return 'pg driver';
  if (pkg.startsWith('@prisma/')) return 'Prisma client + query compiler (wasm)';
  if (url.includes('/local-chain/') || pkg === 'litesvm') return 'local chain (LiteSVM, JSON-RPC)';
  if (url.includes('/shopify-simulator/')) return 'Shopify simulator';
  if (pkg === 'packages/db') return 'packages/db (embedded server glue)';
  if (/^(@solana\/|@noble\/|base-x|bs58|bn\.js|superstruct|jayson|@solana)/.test(pkg))
    return 'Solana libraries (web3.js, noble)';
  if (pkg.startsWith('apps/') || pkg.startsWith('packages/')) return 'app code (handlers, domain)';
  return pkg;
}

/**
 * Self time per function and per package of a V8 CPU profile, busy time only (the `(idle)`,
 * `(program)` and `(garbage collector)` pseudo-frames are reported apart). `components` charges
 * native, wasm and Node-internal frames to the nearest JavaScript caller outside Node, so the
 * database's wasm and the sockets' writes land on the part of the stack that caused them.
 */
export function summarizeCpuProfile(
  profile: CpuProfile,
  window: { fromMs?: number; toMs?: number } = {},
): {
  wallMs: number;
  idleMs: number;
  busyMs: number;
  functions: ProfileCost[];
  packages: ProfileCost[];
  components: ProfileCost[];
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  const componentOf = (id: number): string => {
    const leaf = byId.get(id);
    const name = leaf?.callFrame.functionName ?? '';
    if (name === '(garbage collector)' || name === '(program)') return name;
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const url = byId.get(at)?.callFrame.url ?? '';
      if (url === '' || url.startsWith('wasm://') || url.startsWith('node:')) continue;
      return component(origin(url), url);
    }
    return 'Node (TLS, HTTP, sockets, timers: no JS caller)';
  };
  const comps = new Map<string, number>();
  const self = new Map<number, number>();
  let atMs = 0;
  profile.samples.forEach((id, i) => {
    const deltaMs = (profile.timeDeltas[i] ?? 0) / 1000;
    atMs += deltaMs;
    if (atMs < (window.fromMs ?? 0) || atMs > (window.toMs ?? Infinity)) return;
    self.set(id, (self.get(id) ?? 0) + deltaMs);
  });
  const fns = new Map<string, number>();
  const pkgs = new Map<string, number>();
  let idleMs = 0;
  let busyMs = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    busyMs += ms;
    const file = url
      .replace(/^.*\/node_modules\//, '')
      .replace(/^.*\/(apps|packages|bench)\//, '$1/');
    const key =
      `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + ms);
    const pkg = origin(url);
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + ms);
    const comp = componentOf(id);
    comps.set(comp, (comps.get(comp) ?? 0) + ms);
  }
  const ranked = (m: Map<string, number>): ProfileCost[] =>
    [...m]
      .map(([name, selfMs]) => ({ name, selfMs, share: busyMs ? selfMs / busyMs : 0 }))
      .sort((a, b) => b.selfMs - a.selfMs);
  return {
    wallMs: (profile.endTime - profile.startTime) / 1000,
    idleMs,
    busyMs,
    functions: ranked(fns),
    packages: ranked(pkgs),
    components: ranked(comps),
  };
}

/**
 * `npx tsx bench/profile/summarize-cpu-profile.ts <file.cpuprofile> [--top 10] [--from s] [--to s]`
 * (`--from`/`--to`: a window in seconds since the profile started, e.g. the 50-buyer runs only).
 */
function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      top: { type: 'string', default: '10' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
  const top = Number(values.top);
  for (const file of positionals) {
    const summary = summarizeCpuProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, {
      ...(values.from === undefined ? {} : { fromMs: Number(values.from) * 1000 }),
      ...(values.to === undefined ? {} : { toMs: Number(values.to) * 1000 }),
    });
    const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
    console.log(
      `${file}: wall ${(summary.wallMs / 1000).toFixed(1)} s, busy ${(summary.busyMs / 1000).toFixed(1)} s, idle ${(summary.idleMs / 1000).toFixed(1)} s`,
    );
    console.log(`\ntop ${top} functions by self time (share of busy time)`);
    for (const f of summary.functions.slice(0, top))
      console.log(`${pct(f.share)} ${f.selfMs.toFixed(0).padStart(7)} ms  ${f.name}`);
    console.log(`\ncomponents (native, wasm and Node frames charged to their JS caller)`);
    for (const c of summary.components.slice(0, top))
      console.log(`${pct(c.share)} ${c.selfMs.toFixed(0).padStart(7)} ms  ${c.name}`);
    console.log(`\ntop ${top} packages by self time`);
    for (const p of summary.packages.slice(0, top))
      console.log(`${pct(p.share)} ${p.selfMs.toFixed(0).padStart(7)} ms  ${p.name}`);
  }
}

if (process.argv[1]?.endsWith('summarize-cpu-profile.ts')) main();
