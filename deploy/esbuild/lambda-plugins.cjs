// esbuild plugins of the Lambda bundles (serverless.yml `custom.esbuild.plugins`; the cold-start
// bench loads the same file). Each swaps a module for a lighter one that does what a Lambda needs.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by serverless-esbuild with require()
const { mkdir, readFile, writeFile } = require('node:fs/promises');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
const { basename, dirname, join, sep } = require('node:path');

const PRISMA_COMPILER = /query_compiler_bg\.postgresql\.wasm-base64\.js$/;

const ZOD_DIR = `${sep}node_modules${sep}zod${sep}`;

/**
 * @typedef {object} DeferredModule
 * @property {string} name Its bundle's file beside the handler's: `<handler bundle>.<name>.js`.
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
    // Prisma's generated client and runtime and the plan cache (~200 KB minified), loaded the first time a Prisma client is used
    // (packages/db/src/client/create-prisma-client.ts); a function whose requests only send
    // `directSql` statements never compiles them (docs/adr/0019).
    name: 'prisma-runtime',
    filter: /^\.\/prisma-runtime$/,
    entry: (args) => {
      const file = join(args.resolveDir, 'prisma-runtime.ts');
      return file === PRISMA_RUNTIME && args.kind === 'require-call' ? file : undefined;
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

/** The module through which `createPrismaClient` loads Prisma on first use. */
const PRISMA_RUNTIME = join(
  __dirname,
  '..',
  '..',
  'packages',
  'db',
  'src',
  'client',
  'prisma-runtime.ts',
);

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
 * Where the handler bundle of `options` is written: its folder and its file name without `.js`
 * (serverless-esbuild: `outdir` and the entry's name; the bench: `outfile`).
 * @param {import('esbuild').BuildOptions} options
 */
function bundleOutput(options) {
  if (options.outfile) {
    return { dir: dirname(options.outfile), stem: basename(options.outfile, '.js') };
  }
  const entry = Array.isArray(options.entryPoints) ? options.entryPoints[0] : undefined;
  if (typeof entry !== 'string' || !options.outdir) {
    throw new Error('lambda-plugins: a deferred module needs one entry point and an outdir');
  }
  return { dir: options.outdir, stem: basename(entry).replace(/\.[cm]?[jt]s$/, '') };
}

/**
 * Writes files beside the handler's bundle once it is built, named `<bundle>.<suffix>`, when the
 * bundle names the first of them: an import may sit in a module esbuild parsed but left out
 * (tree-shaken), whose files no function needs. Named after the bundle, serverless-esbuild zips
 * them with that function only, as it does `<bundle>.js.map` (it zips shared assets with every
 * function).
 * @param {import('esbuild').PluginBuild} build
 * @param {string} suffix
 * @param {(path: string, bundleCode: string) => Promise<Array<{ path: string, contents: Uint8Array }>>} produce
 *   The files, the first at `path`, given the handler bundle's code.
 * @returns {() => string} The first file's name, for the code that loads it.
 */
function besideBundle(build, suffix, produce) {
  const path = () => {
    const { dir, stem } = bundleOutput(build.initialOptions);
    return join(dir, `${stem}.${suffix}`);
  };
  let used = false;
  build.onEnd(async (result) => {
    if (!used || result.errors.length > 0) return;
    const { dir, stem } = bundleOutput(build.initialOptions);
    const bundleFile = join(dir, `${stem}.js`);
    const written = result.outputFiles?.find((file) => file.path === bundleFile);
    const code = written ? written.text : await readFile(bundleFile, 'utf8');
    if (!code.includes(JSON.stringify(basename(path())))) return;
    const files = await produce(path(), code);
    await mkdir(dir, { recursive: true });
    await Promise.all(files.map((file) => writeFile(file.path, file.contents)));
  });
  return () => {
    used = true;
    return basename(path());
  };
}

/**
 * Bundles `input` on its own as the file at `path`, with the handler bundle's options and its
 * source map (never loaded; the bundle budget test reads the maps to see what each file holds).
 * The stand-ins apply inside it too (the SQS client's credential chain, for one).
 * @param {import('esbuild').PluginBuild} build
 * @param {Pick<import('esbuild').BuildOptions, 'entryPoints' | 'stdin'>} input
 * @param {string} path
 */
async function buildBeside(build, input, path) {
  const options = build.initialOptions;
  const side = await build.esbuild.build({
    ...input,
    bundle: true,
    write: false,
    outfile: path,
    sourcemap: options.sourcemap ? 'external' : false,
    sourcesContent: false,
    platform: options.platform,
    target: options.target,
    format: options.format,
    minify: options.minify,
    keepNames: options.keepNames,
    mainFields: options.mainFields,
    external: options.external,
    plugins: sideBuildPlugins(options),
    logLevel: 'silent',
  });
  return side.outputFiles;
}

/**
 * Bundles `deferred` on its own (the handler bundle's options) as `<bundle>.<name>.js` beside the
 * handler's bundle (see {@link besideBundle}), with its source map (never loaded; the bundle
 * budget test reads the maps to see what each package holds), and makes the handler bundle
 * require that file where the source imports the module.
 * @param {import('esbuild').PluginBuild} build
 * @param {DeferredModule} deferred
 */
function deferModule(build, deferred) {
  const namespace = `deferred-${deferred.name}`;
  let entryFile;
  const fileName = besideBundle(build, `${deferred.name}.js`, (path) =>
    buildBeside(build, { entryPoints: [entryFile] }, path),
  );
  build.onResolve({ filter: deferred.filter }, (args) => {
    const entry = deferred.entry(args);
    if (entry === undefined) return undefined;
    entryFile = entry;
    return { path: entry, namespace };
  });
  build.onLoad({ filter: /.*/, namespace }, () => ({
    contents: [
      "const { join } = require('node:path');",
      `module.exports = require(join(__dirname, ${JSON.stringify(fileName())}));`,
    ].join('\n'),
    loader: 'js',
    resolveDir: __dirname,
  }));
}

/** Name of the plugin that moves the Solana packages beside the bundle (see below). */
const DEFERRED_SOLANA = 'lambda-deferred-solana';

/**
 * The plugins of a file bundled beside the handler's: the handler's, except the one that defers
 * the Solana packages (the file that holds them must bundle them, not defer them again).
 * @param {import('esbuild').BuildOptions} options
 */
function sideBuildPlugins(options) {
  return (options.plugins ?? []).filter((plugin) => plugin.name !== DEFERRED_SOLANA);
}

/**
 * The Solana client packages: in a handler bundle, each import of one is a stand-in that loads
 * `<bundle>.solana.js` at the first use of one of its exports (docs/adr/0021).
 */
const SOLANA_PACKAGES = [
  { name: '@solana/web3.js', key: 'web3' },
  { name: '@solana/spl-token', key: 'splToken' },
];

/** A property name read in minified code: `.Name`. */
const MEMBER_ACCESS = /\.([A-Za-z_$][\w$]*)/g;

/**
 * Moves web3.js and spl-token out of the handler bundle into `<bundle>.solana.js` beside it.
 *
 * Why: most first requests of most functions never touch them (a poll with nothing to settle,
 * a status check, a webhook for another shop), yet with them in the bundle every cold start
 * compiles and runs ~320 KB of their code (curves, codecs, RPC schemas): ~40 ms.
 *
 * How: an import of either package resolves to a stand-in whose exports are getters; the first
 * getter read requires the side file, whose exports are the package's. The side file keeps only
 * the exports the handler bundle reads (every `.Name` in its code that the package exports, a
 * superset), so it is as small as the tree-shaken code it replaces. One side file per bundle holds
 * both packages (spl-token imports web3.js), so each class exists once and `instanceof` holds.
 * Module-level values built from them (a `new PublicKey(...)` constant) would load the side file
 * at every cold start again: the app makes such values at first use instead.
 * @param {import('esbuild').PluginBuild} build
 */
function deferSolanaPackages(build) {
  const namespace = 'deferred-solana';
  /** @type {Map<string, string[]>} Every export of each package, read once. */
  const exportsOf = new Map();
  let resolveDir;
  const packageExports = (name, from) => {
    if (!exportsOf.has(name)) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build reads the package's export names
      const names = Object.keys(require(require.resolve(name, { paths: [from] })));
      exportsOf.set(
        name,
        names.filter((key) => key !== '__esModule' && key !== 'default'),
      );
    }
    return exportsOf.get(name);
  };
  const fileName = besideBundle(build, 'solana.js', async (path, bundleCode) => {
    const read = new Set([...bundleCode.matchAll(MEMBER_ACCESS)].map((match) => match[1]));
    const lines = [];
    for (const { name, key } of SOLANA_PACKAGES) {
      const used = packageExports(name, resolveDir).filter((exported) => read.has(exported));
      lines.push(
        `import { ${used.map((exported, i) => `${exported} as ${key}_${i}`).join(', ')} } from ${JSON.stringify(name)};`,
        `export const ${key} = { ${used.map((exported, i) => `${exported}: ${key}_${i}`).join(', ')} };`,
      );
    }
    return buildBeside(
      build,
      { stdin: { contents: lines.join('\n'), resolveDir, loader: 'js', sourcefile: 'solana.js' } },
      path,
    );
  });
  const filter = new RegExp(
    `^(${SOLANA_PACKAGES.map(({ name }) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`,
  );
  build.onResolve({ filter }, (args) => {
    resolveDir ??= args.resolveDir;
    return { path: args.path, namespace, pluginData: { resolveDir: args.resolveDir } };
  });
  build.onLoad({ filter: /.*/, namespace }, (args) => {
    const { key } = SOLANA_PACKAGES.find(({ name }) => name === args.path);
    const names = packageExports(args.path, args.pluginData.resolveDir);
    return {
      contents: [
        "const { join } = require('node:path');",
        `const names = ${JSON.stringify(names)};`,
        'let loaded;',
        `const load = () => (loaded ??= require(join(__dirname, ${JSON.stringify(fileName())})).${key});`,
        '// Getters only: nothing is loaded until an export is read.',
        'const standIn = { __esModule: true };',
        'for (const name of names) {',
        '  Object.defineProperty(standIn, name, { enumerable: true, get: () => load()[name] });',
        '}',
        'module.exports = standIn;',
      ].join('\n'),
      loader: 'js',
      resolveDir: __dirname,
    };
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
      // Modules a handler loads on demand (`import()`, or a `require()` at first use) are bundled on their own, as files next to
      // the bundle that it requires the first time it loads them. Bundled in, Node would compile
      // (and, for a static import, run) them at every cold start.
      for (const deferred of DEFERRED_MODULES) deferModule(build, deferred);
      // Prisma's query compiler ships as a 2.5 MB base64 string in JavaScript. The bundle gets
      // the 1.9 MB wasm binary as a file beside it instead (`<bundle>.prisma-query-compiler.wasm`,
      // zipped only with the functions whose bundle loads it), read back at first query: less
      // code to ship and no multi-megabyte string to parse. It is handed over as the bytes
      // themselves, not re-encoded: Prisma's loader passes `wasm` to `Buffer.from(wasm,
      // 'base64')`, which copies a Buffer as it is (the encoding only applies to strings), so a
      // cold start skips encoding and decoding 2.5 MB of base64.
      const wasmFile = besideBundle(build, 'prisma-query-compiler.wasm', async (path) => {
        const compiler = '@prisma/client/runtime/query_compiler_bg.postgresql.wasm-base64.js';
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { wasm } = require(compiler);
        return [{ path, contents: Buffer.from(wasm, 'base64') }];
      });
      build.onResolve({ filter: PRISMA_COMPILER }, (args) => ({
        path: require.resolve(args.path, { paths: [args.resolveDir] }),
        namespace: 'prisma-compiler',
      }));
      build.onLoad({ filter: /.*/, namespace: 'prisma-compiler' }, () => ({
        contents: [
          "const { readFileSync } = require('node:fs');",
          "const { join } = require('node:path');",
          `module.exports = { wasm: readFileSync(join(__dirname, ${JSON.stringify(wasmFile())})) };`,
        ].join('\n'),
        loader: 'js',
        resolveDir: __dirname,
      }));
    },
  },
  {
    name: DEFERRED_SOLANA,
    setup(build) {
      deferSolanaPackages(build);
    },
  },
];
