import type { IncomingMessage } from 'node:http';
import { parseCookies } from './http-io';
import type { SimulatorState } from './simulator-state';

/** Cookie remembering which shop the browser is looking at (the "logged in" admin). */
export const SHOP_COOKIE = 'sim_shop';

/**
 * The shop a page is about: the `shop` query parameter, else the shop cookie, else the first
 * shop. Unknown shops are ignored. `remember` is a `Set-Cookie` value when it changed.
 */
export function currentShop(
  state: SimulatorState,
  req: IncomingMessage,
  url: URL,
): { shop: string; remember: Record<string, string> } {
  const fromQuery = url.searchParams.get('shop');
  const fromCookie = parseCookies(req)[SHOP_COOKIE];
  const fallback = state.shops[0] as string;
  if (fromQuery && state.shops.includes(fromQuery)) {
    return {
      shop: fromQuery,
      remember:
        fromQuery === fromCookie
          ? {}
          : {
              'Set-Cookie': `${SHOP_COOKIE}=${encodeURIComponent(fromQuery)}; Path=/; SameSite=Lax; HttpOnly`,
            },
    };
  }
  return {
    shop: fromCookie && state.shops.includes(fromCookie) ? fromCookie : fallback,
    remember: {},
  };
}
