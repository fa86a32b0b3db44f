import { getAppServices } from '../app-services';
import { createMerchantServices, type MerchantServices } from './merchant-services';

let current: MerchantServices | undefined;

/** The process's merchant services over {@link getAppServices}: one per cold start. */
export function getMerchantServices(): MerchantServices {
  current ??= createMerchantServices(getAppServices());
  return current;
}
