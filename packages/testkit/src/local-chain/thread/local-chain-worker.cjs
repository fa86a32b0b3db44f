'use strict';
/**
 * Entry of the local chain's worker thread (started by `start-local-chain-in-worker.ts`).
 * Plain JavaScript for the reason the embedded database's worker entry gives: jest's transform
 * covers the main thread only, so tsx's namespaced `require` compiles the TypeScript it loads.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS entry run by node
const { require: tsxRequire } = require('tsx/cjs/api');

tsxRequire('./run-local-chain-worker.ts', __filename).runLocalChainWorker();
