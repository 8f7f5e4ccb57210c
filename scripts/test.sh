#!/usr/bin/env bash
# Runs every test: unit, integration (real PostGIS) and browser (real Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh --with-browser --with-compose
npx tsc -p tsconfig.json --noEmit
npx tsc -p src/tsconfig.json --noEmit   # the Grafana plugins (browser code, React)
npx tsc -p tests/host/tsconfig.json --noEmit   # the plugin host page and its fixture plugins
npx tsc -p provisioning/generate/tsconfig.json --noEmit   # the dashboard builders (Grafana's schema types)
npm run lint   # ESLint (Grafana's config) and Prettier over the code
npm run build --if-present   # dist/: the browser tests load the built plugins in the plugin host
node scripts/jest.js "$@"   # jest.config.js: plugin, backend, integration and browser projects
