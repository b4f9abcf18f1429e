#!/usr/bin/env bash
# Makes sure a Chromium exists for Playwright: Debian's chromium via apt where apt and root are
# available (Playwright's own download is refused on some networks), otherwise Playwright's build.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then exit 0; fi
done
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing Debian's chromium for the browser tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Installing Playwright's Chromium for the browser tests…"
npx playwright install chromium
