import { appUninstalledRoute } from '@solpay/composition';
import { createAppUninstalledHandler } from '@solpay/handlers';

/** `POST /webhooks/app/uninstalled` (green; purple twin, ADR 0004): the shop removed the app. */
export const handler = createAppUninstalledHandler(appUninstalledRoute);
