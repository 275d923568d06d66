#!/usr/bin/env bash
# Install Stoplight Prism, the OpenAPI mock server and validating proxy that the
# tests in tests/peer run, into .prism/ at the repository root (ignored by git).
#
#   scripts/install-prism.sh    install, or do nothing when .prism has the pinned version
#
# Prism 5.14.2 is the newest release whose package.json accepts Node 18.20.1 and
# later: 5.15.10, 5.15.11 and 5.16.0 require Node 24.
set -euo pipefail

PRISM_VERSION=5.14.2
root=$(cd "$(dirname "$0")/.." && pwd)
prefix="$root/.prism"
prism="$prefix/node_modules/.bin/prism"

# A machine with apt-get and root gets Debian's Node.js when it has none.
if ! command -v npm >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 \
    && [[ "$(id -u)" == 0 ]]; then
    echo "install-prism.sh: npm not found; installing Debian's nodejs and npm" >&2
    apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi

for tool in node npm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "install-prism.sh: $tool not found on PATH; install Node.js 18.20 or later" \
            "with npm (Debian: apt-get install nodejs npm), then run this script again" >&2
        exit 1
    fi
done

if [[ -x "$prism" ]]; then
    installed=$("$prism" --version 2>/dev/null || true)
    if [[ "$installed" == "$PRISM_VERSION" ]]; then
        exit 0
    fi
    echo "install-prism.sh: found Prism '${installed:-unknown}' in .prism;" \
        "installing $PRISM_VERSION" >&2
fi

# --ignore-scripts: Prism and its dependencies are plain JavaScript, so no package
# needs an install script, and none gets to run one.
npm install --prefix "$prefix" --no-audit --no-fund --save-exact --ignore-scripts \
    --loglevel=error "@stoplight/prism-cli@$PRISM_VERSION"

installed=$("$prism" --version)
if [[ "$installed" != "$PRISM_VERSION" ]]; then
    echo "install-prism.sh: expected Prism $PRISM_VERSION in .prism," \
        "but $prism --version printed '$installed'" >&2
    exit 1
fi
echo "install-prism.sh: Prism $PRISM_VERSION installed in .prism"
