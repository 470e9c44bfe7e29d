#!/bin/sh
# Builds the client, makes sure Debian's chromium is present, runs the unit tests
# (vitest) and the browser tests (node:test + playwright-core against a real praxisd).
# Exits non-zero on any failure; the last line is "N passed, M failed".
set -u
cd "$(dirname "$0")"

./build.sh || { echo "0 passed, 1 failed"; exit 1; }

# chromium runs the browser tests; the emoji font only makes reactions legible in screenshots.
missing=""
for pkg in chromium fonts-noto-color-emoji; do
  dpkg-query -W "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
fi

export PRAXISD="${PRAXISD:-$(pwd)/../build/release/praxisd}"
mkdir -p test-results
rm -rf test-results/screenshots

npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
unit_rc=$?
node --test --test-concurrency=1 --test-timeout=180000 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=test-results/browser.tap \
  browser-tests/
browser_rc=$?

node -e '
  const fs = require("fs")
  let p = 0, f = 0
  try { const u = JSON.parse(fs.readFileSync("test-results/unit.json", "utf8")); p += u.numPassedTests; f += u.numFailedTests + (u.success ? 0 : 0) } catch { f += 1 }
  try { const t = fs.readFileSync("test-results/browser.tap", "utf8"); p += Number(/^# pass (\d+)/m.exec(t)[1]); f += Number(/^# fail (\d+)/m.exec(t)[1]) } catch { f += 1 }
  if (process.argv[1] !== "0" && f === 0) f = 1
  console.log(`${p} passed, ${f} failed`)
' "$((unit_rc + browser_rc))"
[ "$unit_rc" -eq 0 ] && [ "$browser_rc" -eq 0 ]
