import { healthRoute } from '@solpay/composition';
import { createHealthHandler } from '@solpay/handlers';

/** `GET /health` on green (reached only over mutual TLS): proves the path to the database. */
export const handler = createHealthHandler('green-health', healthRoute);
