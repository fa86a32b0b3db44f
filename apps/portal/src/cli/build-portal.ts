import { cpSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { webConfigSchema } from '../config/web-config';

/**
 * Builds the deployable portal site (S3/CloudFront or any static host) into `--out` (default
 * `apps/portal/dist`): `public/` + a minified `main.js`. With `--purple-origin` (and optional
 * `--cluster`, `--rpc-url`) it also writes `config.json`; otherwise the deploy step uploads one
 * (see `apps/portal/README.md`). The local merchant test wallet is never included.
 *
 * `npx tsx apps/portal/src/cli/build-portal.ts --purple-origin https://api.example.com --cluster mainnet-beta`
 */
async function main(): Promise<void> {
  const appDir = resolve(__dirname, '../..');
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: join(appDir, 'dist') },
      'purple-origin': { type: 'string' },
      cluster: { type: 'string' },
      'rpc-url': { type: 'string' },
    },
  });
  const out = resolve(values.out);
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
  if (values['purple-origin']) {
    const config = webConfigSchema.parse({
      purpleOrigin: values['purple-origin'],
      cluster: values.cluster,
      rpcUrl: values['rpc-url'],
    });
    writeFileSync(join(out, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  }
  const size = statSync(join(out, 'main.js')).size;
  console.log(`portal built in ${out} (main.js ${(size / 1024).toFixed(1)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
