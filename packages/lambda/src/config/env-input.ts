/** The raw environment a configuration is read from (the shape of `process.env`). */
export type EnvInput = Readonly<Record<string, string | undefined>>;
