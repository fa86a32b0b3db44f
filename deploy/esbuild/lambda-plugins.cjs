// esbuild plugins of the Lambda bundles (serverless.yml `custom.esbuild.plugins`; the cold-start
// bench loads the same file). Each swaps a module for a lighter one that does what a Lambda needs.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by serverless-esbuild with require()
const { join, sep } = require('node:path');

const PRISMA_COMPILER = /query_compiler_bg\.postgresql\.wasm-base64\.js$/;

const ZOD_DIR = `${sep}node_modules${sep}zod${sep}`;

/**
 * @typedef {object} DeferredModule
 * @property {string} name File name of its bundle next to the handler's (`<name>.js`).
 * @property {RegExp} filter Import paths that may name it.
 * @property {(args: import('esbuild').OnResolveArgs) => string | undefined} entry The file to
 *   bundle for a matching dynamic import, or undefined when this import is not it.
 */

/** @type {DeferredModule[]} */
const DEFERRED_MODULES = [
  {
    // Sentry's SDK (~300 KB with OpenTelemetry), loaded only when `SENTRY_DSN` is set
    // (packages/lambda/src/sentry/sentry-module.ts).
    name: 'sentry-sdk',
    filter: /^\.\/sentry-sdk$/,
    entry: (args) => {
      const file = join(args.resolveDir, 'sentry-sdk.ts');
      return file === SENTRY_SDK ? file : undefined;
    },
  },
  {
    // The SQS client (with the Smithy core, ~200 KB minified), loaded at the first retry a
    // dispatch schedules (packages/queue/src/aws/sqs-message-sender.ts); most invocations never
    // schedule one.
    name: 'aws-sdk-client-sqs',
    filter: /^@aws-sdk\/client-sqs$/,
    entry: (args) =>
      args.kind === 'dynamic-import'
        ? require.resolve('@aws-sdk/client-sqs', { paths: [args.resolveDir] })
        : undefined,
  },
];

/** The module through which the app loads Sentry's SDK, only when `SENTRY_DSN` is set. */
const SENTRY_SDK = join(
  __dirname,
  '..',
  '..',
  'packages',
  'lambda',
  'src',
  'sentry',
  'sentry-sdk.ts',
);

/**
 * Bundles `deferred` on its own (the handler bundle's options) and makes the handler bundle
 * require that file, emitted beside it with its source map (never loaded; the bundle budget test
 * reads the maps to see what each package holds), where the source imports it.
 * @param {import('esbuild').PluginBuild} build
 * @param {DeferredModule} deferred
 */
function deferModule(build, deferred) {
  const namespace = `deferred-${deferred.name}`;
  const fileName = `${deferred.name}.js`;
  let sideBuild;
  const buildSide = (entry) => {
    const options = build.initialOptions;
    sideBuild ??= build.esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      outfile: fileName,
      sourcemap: 'external',
      sourcesContent: false,
      platform: options.platform,
      target: options.target,
      format: options.format,
      minify: options.minify,
      keepNames: options.keepNames,
      mainFields: options.mainFields,
      external: options.external,
      // The stand-ins apply inside it too (the SQS client's credential chain, for one).
      plugins: options.plugins,
      logLevel: 'silent',
    });
    return sideBuild;
  };
  let entryFile;
  build.onResolve({ filter: deferred.filter }, (args) => {
    const entry = deferred.entry(args);
    if (entry === undefined) return undefined;
    entryFile = entry;
    return { path: entry, namespace };
  });
  build.onLoad({ filter: /.*/, namespace }, () => ({
    contents: [
      "const { join } = require('node:path');",
      `require('${fileName}.map');`,
      `module.exports = require(join(__dirname, require('${fileName}')));`,
    ].join('\n'),
    loader: 'js',
    resolveDir: __dirname,
  }));
  const fileNamespace = `${namespace}-file`;
  build.onResolve(
    { filter: new RegExp(`^${fileName.replace(/[.]/g, '\\.')}(\\.map)?$`) },
    (args) => ({ path: args.path, namespace: fileNamespace }),
  );
  build.onLoad({ filter: /.*/, namespace: fileNamespace }, async (args) => {
    const { outputFiles } = await buildSide(entryFile);
    const output = outputFiles.find((file) => file.path.endsWith(args.path));
    return { contents: output.contents, loader: 'file' };
  });
}

/** @type {import('esbuild').Plugin[]} */
module.exports = [
  {
    name: 'lambda-stand-ins',
    setup(build) {
      // zod's `locales` namespace re-exports ~50 translations (a quarter of a megabyte); zod
      // registers English itself and the app never selects another locale.
      build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
        args.importer.includes(ZOD_DIR) ? { path: join(__dirname, 'zod-locales.mjs') } : undefined,
      );
      // web3.js falls back to node-fetch (and its 300 KB URL parser) only where `globalThis.fetch`
      // is missing; the Lambda runtime (Node 24) has it.
      build.onResolve({ filter: /^node-fetch$/ }, () => ({
        path: join(__dirname, 'node-fetch.mjs'),
      }));
      // web3.js's WebSocket client (rpc-websockets, with `ws`'s client and server): only its
      // subscriptions use it, and no Lambda subscribes (docs/adr/0016).
      build.onResolve({ filter: /^rpc-websockets$/ }, () => ({
        path: join(__dirname, 'rpc-websockets.mjs'),
      }));
      // The AWS SDK's default credential chain, reduced to its first link: in Lambda the
      // credentials are in the environment (docs/adr/0017).
      build.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({
        path: join(__dirname, 'aws-credential-provider-node.mjs'),
      }));
      // bigint-buffer (under web3.js) first looks for its native add-on, which no bundle has:
      // `bindings` walks the file system for it at every cold start, then the package warns on
      // stderr and uses its JavaScript code. Its browser build is that same JavaScript code alone.
      build.onResolve({ filter: /^bigint-buffer$/ }, (args) => ({
        path: require.resolve('bigint-buffer/dist/browser.js', { paths: [args.resolveDir] }),
      }));
      // Modules a handler loads on demand (`import()`) are bundled on their own, as files next to
      // the bundle that it requires the first time it loads them. Bundled in, Node would compile
      // (and, for a static import, run) them at every cold start.
      for (const deferred of DEFERRED_MODULES) deferModule(build, deferred);
      // Prisma's query compiler ships as a 2.5 MB base64 string in JavaScript. The bundle gets
      // the 1.9 MB wasm binary as a file next to it instead (esbuild's `file` loader), read
      // back at first query: less code to ship and no multi-megabyte string to parse. It is
      // handed over as the bytes themselves, not re-encoded: Prisma's loader passes `wasm` to
      // `Buffer.from(wasm, 'base64')`, which copies a Buffer as it is (the encoding only applies
      // to strings), so a cold start skips encoding and decoding 2.5 MB of base64.
      build.onResolve({ filter: PRISMA_COMPILER }, (args) => ({
        path: require.resolve(args.path, { paths: [args.resolveDir] }),
        namespace: 'prisma-compiler',
      }));
      build.onLoad({ filter: /.*/, namespace: 'prisma-compiler' }, () => ({
        contents: [
          "const { readFileSync } = require('node:fs');",
          "const { join } = require('node:path');",
          "const file = require('prisma-query-compiler.wasm');",
          'module.exports = { wasm: readFileSync(join(__dirname, file)) };',
        ].join('\n'),
        loader: 'js',
        resolveDir: __dirname,
      }));
      build.onResolve({ filter: /^prisma-query-compiler\.wasm$/ }, () => ({
        path: 'prisma-query-compiler.wasm',
        namespace: 'prisma-compiler-wasm',
      }));
      build.onLoad({ filter: /.*/, namespace: 'prisma-compiler-wasm' }, () => {
        const compiler = '@prisma/client/runtime/query_compiler_bg.postgresql.wasm-base64.js';
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { wasm } = require(compiler);
        return { contents: Buffer.from(wasm, 'base64'), loader: 'file' };
      });
    },
  },
];
