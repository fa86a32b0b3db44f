import { healthRoute } from '@solpay/composition';
import { createHealthHandler } from '@solpay/handlers';

/** `GET /health` on purple: proves the path to the database. */
export const handler = createHealthHandler('purple-health', healthRoute);
