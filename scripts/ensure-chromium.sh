#!/usr/bin/env bash
# The printed-dossier test (test/supervision/printed-dossier.spec.ts) prints in Debian's chromium,
# driven by playwright-core, which never downloads a browser, and reads the PDF with poppler's
# pdftotext/pdfinfo. Installs them (with the CJK fonts the page prints in) only when missing.
set -euo pipefail
if [ -x /usr/bin/chromium ] && command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "chromium and poppler-utils are missing and cannot be installed (not root, no sudo):" >&2
  echo "  apt-get install chromium fonts-noto-cjk poppler-utils" >&2
  exit 1
fi
echo "installing chromium, fonts-noto-cjk and poppler-utils (Debian) for the printed-dossier test…"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { "${as_root[@]}" apt-get update -qq &&
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq \
    chromium fonts-noto-cjk poppler-utils; } >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  echo "installing chromium failed (see above)." >&2
  exit 1
fi
