#!/usr/bin/env bash
# Installs what building and testing Praxis needs, from Debian 12 packages.
# Idempotent: installs only what is missing, so a second run does nothing.
# Usage: deploy/install-deps.sh [--test]   (--test adds what the tests need)
set -euo pipefail

packages=(
  g++ cmake ninja-build ccache pkg-config
  libboost1.81-dev libsqlitecpp-dev libsqlite3-dev nlohmann-json3-dev libssl-dev libargon2-dev
  libsimdjson-dev
)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(catch2 clang-format python3 python3-pytest python3-websockets python3-requests sqlite3
             clang-14 libclang-rt-14-dev)
fi

# Vite 7 asks for Node >= 20.19; the machine image used here ships Node 20. Where node is
# absent, Debian 12's nodejs (18) and npm are the fallback: the web client builds with it
# (Vite warns, same output), but the browser tests need Node >= 20 (deploy/README.md).
command -v node >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
