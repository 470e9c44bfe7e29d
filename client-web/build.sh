#!/bin/sh
# Builds the web client into client-web/dist/. Safe to run again; installs the
# pinned npm packages only when node_modules is missing or older than the lock file.
set -eu
cd "$(dirname "$0")"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # NOTE: `npm install`, not `npm ci`: npm 11's `ci` insists on lock entries for
  # every platform's optional packages (rollup's native builds), which npm itself
  # does not write on Linux. With an unchanged package.json, `install` installs
  # exactly the versions in package-lock.json and leaves the lock file as it is.
  npm install --no-audit --no-fund
fi
npm run build
