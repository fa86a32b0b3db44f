import {
  checkGasBalance,
  type CheckGasBalanceDeps,
  type CheckGasBalanceInput,
} from '@solpay/domain';
import { createWorkerHandler } from '@solpay/lambda';
import * as z from 'zod';
import type { Compose } from '../compose';
import { lazyHandler } from '../lazy-handler';

/** What the gas balance check uses (the logger is the invocation's). */
export interface GasBalanceCheckDeps {
  check: Omit<CheckGasBalanceDeps, 'logger'>;
  input: CheckGasBalanceInput;
}

/**
 * Scheduled gas wallet check (EventBridge `rate(5 minutes)`): `checkGasBalance` — the balance
 * metric, and below `GAS_LOW_BALANCE_LAMPORTS` the warning and alert that feed CloudWatch
 * alarms. Returns the balance (a decimal string) and whether it is low.
 */
export function createGasBalanceCheckHandler(compose: Compose<GasBalanceCheckDeps>) {
  return lazyHandler(() =>
    createWorkerHandler('gas-balance-check', z.unknown(), async (_event, { logger }) => {
      const deps = compose();
      const report = await checkGasBalance({ ...deps.check, logger }, deps.input);
      return { balanceLamports: report.balanceLamports.toString(), low: report.low };
    }),
  );
}
