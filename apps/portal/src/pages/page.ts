import type { Wallets } from '@wallet-standard/app';
import type { WebConfig } from '@solpay/web';
import type { PortalApi } from '../api/portal-api';
import type { PortalSession } from '../api/portal-session';

/** What every page gets from the app. */
export interface PageContext {
  api: PortalApi;
  config: WebConfig;
  /** The signed-in merchant as last loaded. */
  session: () => PortalSession;
  /** Wallet Standard registry (`getWallets()`). */
  wallets: Wallets;
  /** Client-side navigation to a portal link. */
  navigate: (href: string, options?: { replace?: boolean }) => void;
  /** Reloads the session (merchant settings) and refreshes the frame. */
  reloadSession: () => Promise<void>;
  /** Called when the API answers 401: shows the signed-out screen. */
  signedOut: () => void;
  /** Re-counts open refunds for the navigation badge. */
  refreshOpenRefunds: () => void;
}

/** A rendered page. */
export interface Page {
  /** Document title (the app adds its suffix). */
  title: string;
  element: HTMLElement;
  /** Stops timers and listeners when the page is left. */
  dispose(): void;
}
