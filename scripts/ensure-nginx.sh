#!/usr/bin/env bash
# Makes sure nginx exists for the container test (test/e2e/container-server.test.ts serves dist/
# with the container's own server configuration): uses $NGINX_PATH, /usr/sbin/nginx or nginx on
# the PATH, installs Debian's package when running as root with apt-get, and otherwise says what to do.
set -euo pipefail
for candidate in "${NGINX_PATH:-}" /usr/sbin/nginx "$(command -v nginx 2>/dev/null || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    exit 0
  fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's nginx for the container test (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # The package only installs the program here: the test starts its own server on 127.0.0.1.
  apt-get install -y -qq nginx >/dev/null
  [ -x /usr/sbin/nginx ] && exit 0
fi
cat >&2 <<MSG
The container test needs nginx (the web server of the Dockerfile's image) and none was found.
- On Debian or Ubuntu, run the tests as root (they install it with apt-get), or run:
    sudo apt-get install nginx
- On macOS: brew install nginx. Elsewhere, install nginx and point the test at it:
    NGINX_PATH=/path/to/nginx npm test
The test starts its own nginx on 127.0.0.1 (ports 4500-4599) and stops it; no system service is used.
MSG
exit 1
