#!/usr/bin/env bash
# Runs every test: unit, integration (real PostGIS) and browser (real Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh --with-browser
npx tsc -p tsconfig.json --noEmit
npx tsc -p src/tsconfig.json --noEmit   # the Grafana plugins (browser code, React)
node scripts/run-tests.js "$@"
