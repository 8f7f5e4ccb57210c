#!/usr/bin/env bash
# Runs every test: unit, integration (real PostGIS) and browser (real Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh --with-browser
npx tsc -p tsconfig.json --noEmit
node scripts/run-tests.js "$@"
