import { appUninstalledRoute, createAppUninstalledHandler } from '@solpay/services';

/** `POST /webhooks/app/uninstalled` (green; purple twin, ADR 0004): the shop removed the app. */
export const handler = createAppUninstalledHandler(appUninstalledRoute);
