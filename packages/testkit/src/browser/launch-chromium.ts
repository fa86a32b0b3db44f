import type { Browser } from 'playwright-core';

/** Where Debian's `chromium` package installs the browser (`apt-get install -y chromium`). */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Headless, sandbox-free (containers), and quiet: no updates, sync or background traffic. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Options of {@link launchChromium}. */
export interface LaunchChromiumOptions {
  /** The Chromium binary (default `/usr/bin/chromium`); Playwright downloads none. */
  executablePath?: string;
}

/**
 * Launches the system Chromium through `playwright-core` the way every browser test here runs
 * it: headless, no sandbox, no background networking. The caller closes it (`afterAll`).
 * `playwright-core` is loaded on first use, so importing the testkit does not load it.
 */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: options.executablePath ?? SYSTEM_CHROMIUM,
    args: CHROMIUM_ARGS,
  });
}
