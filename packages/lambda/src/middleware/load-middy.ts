import type middy from '@middy/core';

let loading: Promise<typeof middy> | undefined;

/**
 * Loads `@middy/core` once, with a dynamic `import()`. middy is ESM-only and its `exports` only
 * has an `import` condition, so a CommonJS `require` (tsx running the local stack, which compiles
 * our TypeScript to CommonJS) cannot resolve it; `import()` can, and bundlers inline it.
 */
export function loadMiddy(): Promise<typeof middy> {
  loading ??= import('@middy/core').then((module) => module.default);
  return loading;
}
