'use strict';
/**
 * Entry of the embedded database's worker thread (started by `start-embedded-database.ts`).
 * Plain JavaScript because nothing transforms a worker's TypeScript for it in every context:
 * `node --import tsx` passes its loader on to workers, but jest's transform (swc) runs on the
 * main thread only. tsx's namespaced `require` compiles the TypeScript module tree it loads and
 * leaves any loader the thread already has alone.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS entry run by node
const { require: tsxRequire } = require('tsx/cjs/api');

tsxRequire('./run-embedded-database-worker.ts', __filename).runEmbeddedDatabaseWorker();
