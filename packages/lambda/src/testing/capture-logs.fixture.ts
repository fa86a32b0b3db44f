import type { RuntimeConfig } from '../config/sections/runtime-section';

/** Test-only: a runtime config with Sentry off, and a log sink collecting parsed lines. */
export function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const texts: string[] = [];
  const runtime: RuntimeConfig = {
    stage: 'local',
    logLevel: 'debug',
    sentryDsn: undefined,
    serviceName: 'test-service',
  };
  return {
    runtime,
    lines,
    texts,
    logWrite: (line: string) => {
      texts.push(line);
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
}
