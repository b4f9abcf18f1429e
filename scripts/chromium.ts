import fs from 'node:fs';

/**
 * How every browser run here starts Chromium (Playwright e2e and the benchmark). The flags keep a
 * headless Chromium from calling Google services, which closed networks refuse.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Debian's chromium where installed (scripts/ensure-browser.sh), else undefined: Playwright's own. */
export function chromiumPath(): string | undefined {
  return (
    process.env.CHROMIUM_PATH ??
    ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p))
  );
}
