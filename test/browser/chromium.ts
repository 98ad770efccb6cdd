// Debian's Chromium driven by playwright-core, headless, with everything that would call out switched off:
// the pages under test are local files, and the machine (like CI) has no network but loopback.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Installed by `apt-get install chromium` (scripts/ensure-chromium.mjs does it before the tests). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // No name resolves except loopback's: nothing in Chromium can reach past this machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost',
];

export class ChromiumMissingError extends Error {
  override name = 'ChromiumMissingError';
}

/** A fresh browser (playwright gives each launch a new, empty profile directory). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new ChromiumMissingError(
      `${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install -y chromium), or run npm test, which does it`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}
