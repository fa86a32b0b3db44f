import { cpSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { WebConfig } from '../config/web-config';

/** Options of {@link buildWebApp}. */
export interface BuildWebAppOptions {
  /** The web app folder (`apps/checkout`): `public/` is copied, `src/main.ts` bundled. */
  appDir: string;
  /** Output folder; emptied first. */
  out: string;
  /** Written as `config.json` when given (else the deploy step uploads one). */
  config?: WebConfig;
}

/** What {@link buildWebApp} wrote: each bundle file (`main.js`, `main.css`) and its size. */
export interface BuiltWebApp {
  bundles: { file: string; bytes: number }[];
}

/**
 * Builds a deployable static site (S3/CloudFront or any static host) into `out`: the app's
 * `public/` plus a minified browser bundle of `src/main.ts` (`main.js`, and `main.css` for the
 * stylesheets it imports, with linked source maps), and `config.json` when `config` is given.
 * Local-only code (the dev wallet) is never part of it: the local server injects that.
 */
export async function buildWebApp(options: BuildWebAppOptions): Promise<BuiltWebApp> {
  const { appDir, out } = options;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(join(appDir, 'public'), out, { recursive: true });
  await build({
    entryPoints: [join(appDir, 'src', 'main.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'linked',
    outfile: join(out, 'main.js'),
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'warning',
  });
  if (options.config) {
    writeFileSync(join(out, 'config.json'), `${JSON.stringify(options.config, null, 2)}\n`);
  }
  const bundles = ['main.js', 'main.css']
    .filter((file) => existsSync(join(out, file)))
    .map((file) => ({ file, bytes: statSync(join(out, file)).size }));
  return { bundles };
}
