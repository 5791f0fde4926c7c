#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (never Playwright's downloaded builds), so make sure it is there.
# Installs it when we are root; otherwise fails loudly, naming the package, so the suite never skips silently.
# Fonts are nice-to-have: without them the tests still pass, but screenshots show emoji as boxes.
set -euo pipefail

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
FONTS=(fonts-liberation2 fonts-noto-color-emoji)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
for pkg in "${FONTS[@]}"; do
    installed "$pkg" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    if [ ! -x "$CHROMIUM" ]; then
        echo "error: $CHROMIUM is missing. The browser tests need Debian's 'chromium' package:" >&2
        echo "       sudo apt-get update && sudo apt-get install -y chromium ${FONTS[*]}" >&2
        exit 1
    fi
    echo "warning: fonts missing (${missing[*]}); screenshots may show boxes for emoji" >&2
    exit 0
fi

echo "Installing Debian packages for the browser tests: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"

if [ ! -x "$CHROMIUM" ]; then
    echo "error: installed the 'chromium' package but $CHROMIUM is still missing" >&2
    exit 1
fi
