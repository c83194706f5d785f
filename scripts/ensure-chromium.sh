#!/usr/bin/env bash
# Makes sure a Chromium exists for the browser tests: uses $CHROMIUM_PATH or /usr/bin/chromium,
# installs Debian's package when running as root with apt-get, and otherwise says what to do.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  [ -x "$path" ] && exit 0
fi
cat >&2 <<MSG
The browser tests need Chromium and none was found at $path.
- On Debian or Ubuntu, run the tests as root (they install it with apt-get), or run:
    sudo apt-get install chromium
- Elsewhere, install Chromium or Google Chrome and point the tests at it:
    CHROMIUM_PATH=/path/to/chrome npm test
MSG
exit 1
