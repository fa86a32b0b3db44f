// Node-only (esbuild, node:fs): kept out of the browser entry `src/index.ts`.
export * from './build-web-app';
export * from './run-web-app-build';
