import type { Context } from 'aws-lambda';
import type { LambdaFunction } from './lambda-route';
import { resolveModuleFile } from './load-serverless-functions';

/** A Lambda handler as the gateway calls it. */
export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

/** Loads handler modules on first use and keeps them, like a warm Lambda. */
export interface LambdaHandlerLoader {
  /** The handler of `fn`, importing its module on the first call. Rejects if it cannot. */
  load(fn: LambdaFunction): Promise<LambdaHandler>;
}

/**
 * Creates a loader that imports each handler module lazily with dynamic `import()` of its
 * absolute `.ts` path (the local stack runs under tsx, tests under jest's transform). A failed
 * import is not cached, so a fixed file is picked up by the next request.
 */
export function createLambdaHandlerLoader(): LambdaHandlerLoader {
  const cache = new Map<string, Promise<LambdaHandler>>();
  return {
    load(fn) {
      const key = `${fn.modulePath}#${fn.exportName}`;
      let pending = cache.get(key);
      if (!pending) {
        pending = importHandler(fn);
        cache.set(key, pending);
        pending.catch(() => cache.delete(key));
      }
      return pending;
    },
  };
}

async function importHandler(fn: LambdaFunction): Promise<LambdaHandler> {
  const file = resolveModuleFile(fn);
  if (!file) throw new Error(`Handler module of ${fn.name} not found: ${fn.modulePath}.ts`);
  const mod = (await import(file)) as Record<string, unknown> & { default?: unknown };
  const fromDefault =
    typeof mod.default === 'object' && mod.default !== null
      ? (mod.default as Record<string, unknown>)[fn.exportName]
      : undefined;
  const handler = mod[fn.exportName] ?? fromDefault;
  if (typeof handler !== 'function') {
    throw new Error(`${file} does not export a function named ${fn.exportName}`);
  }
  return handler as LambdaHandler;
}
