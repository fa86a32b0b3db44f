import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RecordedMutation } from './recorded-mutation';
import type { SimOrder } from './sim-order';
import type { PaymentsAppConfiguration, SimulatorState } from './simulator-state';
import type { TokenRegistryState } from './token-registry';

/** Bumped when the layout changes; an older file is not restored. */
const SNAPSHOT_VERSION = 1;

/** What the simulator keeps across a restart (the state Shopify would still have). */
export interface SimulatorSnapshot {
  version: typeof SNAPSHOT_VERSION;
  /** Ties the simulator to the chain and database written with it. */
  stateId: string;
  savedAt: string;
  orders: SimOrder[];
  mutations: RecordedMutation[];
  configurations: Array<[string, PaymentsAppConfiguration]>;
  nextOrderNumber: Array<[string, number]>;
  tokens: TokenRegistryState;
}

/** The snapshot of `state`. */
export function snapshotSimulator(state: SimulatorState, stateId: string): SimulatorSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    stateId,
    savedAt: new Date().toISOString(),
    orders: state.orders,
    mutations: state.mutations,
    configurations: [...state.configurations],
    nextOrderNumber: [...state.nextOrderNumber],
    tokens: state.tokens.exportState(),
  };
}

/** Writes the snapshot atomically (temp file + rename). */
export function writeSimulatorSnapshot(path: string, snapshot: SimulatorSnapshot): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.tmp`;
  writeFileSync(temp, JSON.stringify(snapshot), { mode: 0o600 });
  renameSync(temp, path);
}

/** The snapshot at `path`; undefined when there is none or it is of another layout or torn. */
export function readSimulatorSnapshot(path: string): SimulatorSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<SimulatorSnapshot>;
    if (parsed.version !== SNAPSHOT_VERSION || typeof parsed.stateId !== 'string') return undefined;
    if (!Array.isArray(parsed.orders) || !Array.isArray(parsed.mutations)) return undefined;
    return parsed as SimulatorSnapshot;
  } catch {
    return undefined;
  }
}

/** Loads a snapshot into fresh state; session maps are rebuilt so they share the order objects. */
export function restoreSimulator(state: SimulatorState, snapshot: SimulatorSnapshot): void {
  state.orders.push(...snapshot.orders);
  state.mutations.push(...snapshot.mutations);
  for (const [shop, configuration] of snapshot.configurations) {
    state.configurations.set(shop, configuration);
  }
  for (const [shop, next] of snapshot.nextOrderNumber) state.nextOrderNumber.set(shop, next);
  state.tokens.importState(snapshot.tokens);
  for (const order of state.orders) {
    for (const session of order.paymentSessions) {
      state.paymentSessions.set(session.gid, { order, session });
    }
    for (const refund of order.refunds) state.refundSessions.set(refund.gid, { order, refund });
  }
}
