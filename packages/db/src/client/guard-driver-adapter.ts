/** Methods that send something to the database; `before` runs ahead of each. */
const ADAPTER_IO = new Set<PropertyKey>([
  'queryRaw',
  'executeRaw',
  'executeScript',
  'startTransaction',
]);
/** A transaction as the adapter hands it out (only what the guard touches). */
interface AdapterTransaction {
  executeRaw(query: { sql: string }): Promise<number>;
  queryRaw(query: { sql: string }): Promise<unknown>;
  rollback(): Promise<void>;
}

/**
 * Inside a transaction every statement is guarded except `ROLLBACK` (Prisma sends it after a
 * refused statement, and it must get through or the connection stays mid-transaction). A
 * refused `COMMIT` rolls back and releases the connection itself, because Prisma releases it
 * only after a successful `COMMIT`.
 */
function guardTransaction(tx: AdapterTransaction, before: () => void): AdapterTransaction {
  const guarded =
    (method: 'executeRaw' | 'queryRaw') =>
    async (query: { sql: string }): Promise<unknown> => {
      const sql = query.sql.trim().toUpperCase();
      if (sql !== 'ROLLBACK') {
        try {
          before();
        } catch (error) {
          if (sql === 'COMMIT') {
            await tx.executeRaw({ ...query, sql: 'ROLLBACK' });
            await tx.rollback();
          }
          throw error;
        }
      }
      return tx[method](query);
    };
  return guardMethods(tx, new Set(), before, undefined, {
    executeRaw: guarded('executeRaw'),
    queryRaw: guarded('queryRaw'),
  });
}

function guardMethods<T extends object>(
  target: T,
  methods: ReadonlySet<PropertyKey>,
  before: () => void,
  wrapResult?: (name: PropertyKey, value: unknown) => unknown,
  replaced: Record<string, unknown> = {},
): T {
  return new Proxy(target, {
    get(object, name, receiver) {
      if (typeof name === 'string' && name in replaced) return replaced[name];
      const value: unknown = Reflect.get(object, name, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!methods.has(name) && !wrapResult) return method.bind(object);
      return (...args: unknown[]) => {
        if (methods.has(name)) before();
        const result = method.apply(object, args);
        return wrapResult ? wrapResult(name, result) : result;
      };
    },
  });
}

/**
 * Wraps a Prisma driver adapter factory so that `before` runs ahead of every statement, every
 * transaction start and every commit (a throw there fails the call; an interactive
 * transaction then rolls back). Rollbacks are never refused.
 */
export function guardDriverAdapter<F extends object>(factory: F, before: () => void): F {
  const guardAdapter = (adapter: object): object =>
    guardMethods(adapter, ADAPTER_IO, before, (name, result) =>
      name === 'startTransaction'
        ? (result as Promise<AdapterTransaction>).then((tx) => guardTransaction(tx, before))
        : result,
    );
  return guardMethods(factory, new Set<PropertyKey>(), before, (name, result) =>
    name === 'connect' || name === 'connectToShadowDb'
      ? (result as Promise<object>).then(guardAdapter)
      : result,
  );
}
