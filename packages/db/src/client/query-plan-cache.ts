// The generated client loads its query compiler from this module (see `generated/prisma/internal/
// class.ts`, `compilerWasm.getRuntime`); bundles and Node share the one module instance.
import * as compilerRuntime from '@prisma/client/runtime/query_compiler_bg.postgresql.js';

/** The part of Prisma's wasm query compiler this cache wraps. */
interface QueryCompiler {
  compile(request: string): unknown;
}

/** Plans kept per compiler (one compiler per Prisma client). */
const MAX_PLANS = 500;

/**
 * Read actions, whose plan depends on nothing but the request (writes may embed generated
 * defaults such as `uuid()` or `now()`, so they are always compiled afresh).
 */
const READ_ACTION =
  /^\{(?:"modelName":"[^"]*",)?"action":"(?:findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findMany|count|aggregate|groupBy)"/;

let installed = false;
const stats = { hits: 0, misses: 0 };

/** Reads answered from the cache and reads compiled, since the process started. */
export function queryPlanCacheStats(): { hits: number; misses: number } {
  return { ...stats };
}

/**
 * Caches the query plans of identical read requests. With `engineType = "client"` Prisma 6
 * compiles every request to a plan in WebAssembly, values included, and keeps nothing: the
 * profile of the end-to-end bench showed compilation as the largest single cost of the stack
 * (docs/performance.md), most of it for the same reads again (a checkout page asking for its
 * payment's status every few seconds sends the very same four queries). A plan is a pure
 * function of the request JSON, so an identical read request gets the plan compiled before,
 * frozen (Prisma's interpreter only reads it; frozen, no execution can change it for the next).
 * Bounded per compiler, least recently used first out. Idempotent.
 */
export function installQueryPlanCache(): void {
  if (installed) return;
  const prototype: QueryCompiler | undefined = compilerRuntime.QueryCompiler?.prototype;
  // Another Prisma runtime (no such class): leave it alone.
  if (!prototype || typeof prototype.compile !== 'function') return;
  installed = true;
  const compile = prototype.compile;
  const caches = new WeakMap<QueryCompiler, Map<string, unknown>>();
  prototype.compile = function cachedCompile(this: QueryCompiler, request: string): unknown {
    if (!READ_ACTION.test(request)) return compile.call(this, request);
    let plans = caches.get(this);
    if (!plans) {
      plans = new Map();
      caches.set(this, plans);
    }
    let plan = plans.get(request);
    if (plan === undefined) {
      stats.misses += 1;
      plan = deepFreeze(compile.call(this, request));
      if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value as string);
    } else {
      stats.hits += 1;
      plans.delete(request);
    }
    plans.set(request, plan);
    return plan;
  };
}

/**
 * Freezes a plan and everything in it. Prisma's interpreter only reads plans; frozen, a shared
 * plan cannot be changed by one execution for the next (an attempt throws in strict mode).
 */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  // Typed arrays with elements cannot be frozen; plans carry bytes only as parameter values.
  if (ArrayBuffer.isView(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
