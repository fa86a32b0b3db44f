/** The loopback ports of the local stack. */
export interface LocalPorts {
  green: number;
  purple: number;
  checkout: number;
  portal: number;
  shopify: number;
  rpc: number;
  database: number;
}

/** Default ports; each can be overridden with `LOCAL_PORT_<NAME>` (e.g. `LOCAL_PORT_GREEN=9443`). */
export const DEFAULT_LOCAL_PORTS: LocalPorts = {
  green: 8443,
  purple: 8444,
  checkout: 8445,
  portal: 8446,
  shopify: 8447,
  rpc: 8899,
  database: 8432,
};

/**
 * The ports to use: `0` means every port is picked by the OS (tests); an object overrides
 * single ports; otherwise `LOCAL_PORT_*` from `env`, else {@link DEFAULT_LOCAL_PORTS}.
 * Throws on a `LOCAL_PORT_*` value that is not a port number.
 */
export function resolveLocalPorts(
  requested: 0 | Partial<LocalPorts> | undefined,
  env: Record<string, string | undefined>,
): LocalPorts {
  const names = Object.keys(DEFAULT_LOCAL_PORTS) as Array<keyof LocalPorts>;
  if (requested === 0) {
    return Object.fromEntries(names.map((name) => [name, 0])) as unknown as LocalPorts;
  }
  const ports = { ...DEFAULT_LOCAL_PORTS };
  for (const name of names) {
    const key = `LOCAL_PORT_${name.toUpperCase()}`;
    const raw = env[key]?.trim();
    if (raw) {
      const port = Number(raw);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`${key} must be a port number (0-65535), got "${raw}"`);
      }
      ports[name] = port;
    }
    const override = requested?.[name];
    if (override !== undefined) ports[name] = override;
  }
  return ports;
}
