/** Sets environment defaults and can undo exactly what it set. */
export interface LocalEnvironment {
  /** `env[key]`, treating empty or whitespace-only values as unset. */
  get(key: string): string | undefined;
  /** Sets `key` unless it already has a value; returns the effective value. */
  setDefault(key: string, value: string): string;
  /** Sets `key` even if it has a value (restored by `restore`); returns the value. */
  override(key: string, value: string): string;
  /** Removes every value this object set (values that were already present stay). */
  restore(): void;
}

/** Wraps `env` (normally `process.env`, which the handlers' config module reads). */
export function createLocalEnvironment(env: Record<string, string | undefined>): LocalEnvironment {
  const setKeys = new Set<string>();
  const overridden = new Map<string, string | undefined>();
  const get = (key: string) => {
    const value = env[key];
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  return {
    get,
    setDefault(key, value) {
      const existing = get(key);
      if (existing !== undefined) return existing;
      env[key] = value;
      setKeys.add(key);
      return value;
    },
    override(key, value) {
      if (!setKeys.has(key) && !overridden.has(key)) overridden.set(key, env[key]);
      env[key] = value;
      return value;
    },
    restore() {
      for (const key of setKeys) delete env[key];
      setKeys.clear();
      for (const [key, value] of overridden) {
        if (value === undefined) delete env[key];
        else env[key] = value;
      }
      overridden.clear();
    },
  };
}
