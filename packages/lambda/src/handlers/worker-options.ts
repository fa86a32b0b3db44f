import type { RuntimeConfig } from '../config/sections/runtime-section';
import type { LogWrite } from '../logging/logger';

/** Options shared by the non-HTTP handler factories. */
export interface WorkerOptions {
  /** Runtime settings; read from the environment (once) when omitted. */
  runtime?: RuntimeConfig;
  /** Log line sink; stdout when omitted. */
  logWrite?: LogWrite;
}
