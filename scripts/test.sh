#!/usr/bin/env bash
# `npm test`: everything CI checks, in order, ending with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1

step() { printf '\n=== %s\n' "$1"; }

step "Chromium for the browser tests"
bash scripts/ensure-chromium.sh || exit 1

step "nginx for the container test"
bash scripts/ensure-nginx.sh || exit 1

step "Content validation"
node scripts/check-content.ts || exit 1

step "Type check (astro check)"
npx astro check --minimumFailingSeverity warning || exit 1

step "Build (site + search index)"
npm run build --silent > test-results.build.log 2>&1 || { cat test-results.build.log; exit 1; }
tail -n 3 test-results.build.log

step "Tests (unit and browser)"
mkdir -p test-results
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
status=$?
node scripts/test-summary.ts test-results/vitest.json || status=1
exit $status
