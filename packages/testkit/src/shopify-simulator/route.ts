import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimulatorState } from './simulator-state';

/** What a route handler gets: the state, the exchange, the parsed URL and the path captures. */
export interface RouteContext {
  state: SimulatorState;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: string[];
}

/** One HTTP route of the simulator. */
export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle: (ctx: RouteContext) => Promise<void> | void;
}
