import type { BackgroundWorker } from './background-worker';
import { createFunctionInvoker, scheduledEvent } from './function-invoker';

/** Options of {@link scheduleWorker}. */
export interface ScheduleWorkerOptions {
  /** The serverless.yml function with a `schedule` event (e.g. `discoveryPoll`). */
  functionName: string;
  /** Pause between the end of one run and the start of the next. */
  intervalMs: number;
  /** Extra fields for the event, as the schedule's `input` would add them. */
  input?: Record<string, unknown>;
}

/**
 * The local stand-in of an EventBridge schedule: invokes the function with a scheduled event,
 * waits `intervalMs` after each run ends (runs never overlap), and logs failures without
 * stopping. Stopping waits for the run in progress.
 */
export function scheduleWorker(options: ScheduleWorkerOptions): BackgroundWorker {
  return {
    name: `${options.functionName} every ${options.intervalMs / 1000} s`,
    async start(context) {
      const invoke = createFunctionInvoker(context.rootDir, context.log);
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      let running: Promise<void> = Promise.resolve();
      const run = async () => {
        try {
          await invoke(options.functionName, { ...scheduledEvent(), ...options.input });
        } catch (error) {
          context.log(
            `worker ${options.functionName} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      };
      const loop = () => {
        if (stopped) return;
        running = run().finally(() => {
          if (!stopped) timer = setTimeout(loop, options.intervalMs);
        });
      };
      timer = setTimeout(loop, options.intervalMs);
      return async () => {
        stopped = true;
        clearTimeout(timer);
        await running;
      };
    },
  };
}
