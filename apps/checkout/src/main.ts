import '@solpay/web/styles/base.css';
import { getWallets } from '@wallet-standard/app';
import { loadWebConfig } from '@solpay/web';
import { startCheckoutPage } from './page/start-checkout-page';
import { paymentIdFromPath } from './routing/payment-id-from-path';
import { pageFrame } from './view/page-frame';
import { statusScreens } from './view/status-screens';

/** Boots the checkout page: `/config.json`, then the page for `/pay/<paymentId>`. */
async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  let config;
  try {
    config = await loadWebConfig();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    root.replaceChildren(
      pageFrame(
        {},
        statusScreens.error(message, () => location.reload()),
      ),
    );
    return;
  }
  startCheckoutPage({
    root,
    paymentId: paymentIdFromPath(location.pathname),
    config,
    wallets: getWallets(),
    mobile: matchMedia('(pointer: coarse), (max-width: 600px)').matches,
    navigate: (url) => location.assign(url),
  });
}

void main();
