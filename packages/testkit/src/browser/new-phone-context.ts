import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';

/**
 * Opens a browser context that looks like a phone to the page (390×844 viewport, mobile, touch)
 * with reduced motion (stable screenshots) and the local stack's self-signed TLS accepted.
 * `options` are added (e.g. `storageState` to carry a signed-in session over).
 */
export function newPhoneContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    reducedMotion: 'reduce',
    ...options,
  });
}
