import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

/** In-memory build output: file name (`main.js`, `main.css`, ...) → contents. */
export type WebAppBundle = Map<string, Buffer>;

/**
 * Bundles `<appDir>/src/main.ts` for the browser (ES modules, inline source maps) in memory.
 * Returns an empty bundle when the app has no `src/main.ts` yet.
 */
export async function bundleWebApp(appDir: string): Promise<WebAppBundle> {
  const entry = join(appDir, 'src', 'main.ts');
  const bundle: WebAppBundle = new Map();
  if (!existsSync(entry)) return bundle;
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    outdir: join(appDir, '.bundle'),
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"', global: 'globalThis' },
  });
  for (const file of result.outputFiles)
    bundle.set(basename(file.path), Buffer.from(file.contents));
  return bundle;
}
