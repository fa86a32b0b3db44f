/**
 * A port built the first time one of its members is read, then kept: for ports a request may
 * never use (screening and Shopify dispatch in a discovery poll with nothing to settle or
 * reject, the portal's wallet inspector outside wallet settings), so a cold start does not read
 * and validate their configuration or build their clients (or load web3.js) before its first
 * round trip. Methods are bound to the built port.
 */
export function onFirstUse<T extends object>(build: () => T): T {
  let built: T | undefined;
  const port = (): T => (built ??= build());
  return new Proxy({} as T, {
    get(_, key) {
      const value: unknown = Reflect.get(port(), key);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(port())
        : value;
    },
    has: (_, key) => Reflect.has(port(), key),
  });
}
