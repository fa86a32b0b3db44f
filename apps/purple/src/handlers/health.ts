import { createHealthHandler, healthRoute } from '@solpay/services';

/** `GET /health` on purple: proves the path to the database. */
export const handler = createHealthHandler('purple-health', healthRoute);
