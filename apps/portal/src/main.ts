import '@solpay/web/styles/base.css';
import { getWallets } from '@wallet-standard/app';
import { loadWebConfig } from '@solpay/web';
import { startPortalApp } from './app/start-portal-app';

/** Browser entry point: wires the page's globals into {@link startPortalApp}. */
async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  try {
    const config = await loadWebConfig();
    await startPortalApp({ root, config, wallets: getWallets() });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const p = document.createElement('p');
    p.className = 'noscript';
    p.setAttribute('role', 'alert');
    p.textContent = `The portal cannot start: ${message}`;
    root.replaceChildren(p);
  }
}

void main();
