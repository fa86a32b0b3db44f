import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { webConfigSchema } from '../config/web-config';
import { buildWebApp } from './build-web-app';

/**
 * The body of a web app's build CLI (`build-checkout.ts`, `build-portal.ts`): reads
 * `--out` (default `<appDir>/dist`), `--purple-origin` and the optional `--cluster` and
 * `--rpc-url` (together they become `config.json`) from the command line, runs
 * {@link buildWebApp} and prints where the site went and the bundle sizes. Exits 1 on failure.
 */
export function runWebAppBuild(name: string, appDir: string): void {
  const run = async () => {
    const { values } = parseArgs({
      options: {
        out: { type: 'string', default: join(appDir, 'dist') },
        'purple-origin': { type: 'string' },
        cluster: { type: 'string' },
        'rpc-url': { type: 'string' },
      },
    });
    const out = resolve(values.out);
    const config = values['purple-origin']
      ? webConfigSchema.parse({
          purpleOrigin: values['purple-origin'],
          cluster: values.cluster,
          rpcUrl: values['rpc-url'],
        })
      : undefined;
    const { bundles } = await buildWebApp({ appDir, out, ...(config ? { config } : {}) });
    const sizes = bundles.map(({ file, bytes }) => `${file} ${(bytes / 1024).toFixed(1)} KiB`);
    console.log(`${name} built in ${out} (${sizes.join(', ')})`);
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
