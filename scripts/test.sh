#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs (dependencies, a browser),
# then lint, format, types, unit tests, production build, and e2e against the built app.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "dependencies"
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.lock-hash ] || [ "$(cat node_modules/.lock-hash)" != "$lock_hash" ]; then
  # npm ci refuses a lockfile that lacks optional platform binaries, and a registry mirror without
  # some of @napi-rs/canvas's (macOS, Windows…) produces exactly that. npm install then installs
  # the same locked versions and skips the binaries this platform does not need.
  if ! npm ci --no-audit --no-fund 2>/tmp/id-reader-npm-ci.log; then
    echo "npm ci refused the lockfile (optional binaries missing from the registry); using npm install"
    npm install --no-audit --no-fund
  fi
  echo "$lock_hash" > node_modules/.lock-hash
else
  echo "node_modules matches package-lock.json"
fi

step "browser"
bash scripts/ensure-browser.sh

step "self-hosted assets"
npx tsx scripts/copy-assets.ts

step "lint"
npx eslint .

step "format"
npx prettier --check .

step "types"
npx tsc -b

step "unit tests"
npx vitest run

step "build"
npx vite build

step "e2e (built app, Chromium)"
npx playwright test
