#!/bin/sh
# Builds the web client into client-web/dist/. Safe to run again; installs the
# pinned npm packages only when node_modules is missing or older than the lock file.
set -eu
cd "$(dirname "$0")"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build
