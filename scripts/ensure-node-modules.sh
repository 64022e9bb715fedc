#!/usr/bin/env bash
# Installs exactly what package-lock.json pins, and skips the install when it already matches.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "installing npm dependencies from package-lock.json…"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
