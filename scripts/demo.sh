#!/usr/bin/env bash
# The whole demo in one command: PostGIS up and migrated, a demo city generated (once), the plugins built,
# the aggregator serving with its jobs, a live trickle of requests, and Grafana when one is available
# (docker compose where a Docker engine runs, else a local grafana/grafana-server binary).
# Options: --reset (drop the demo data and generate it again), --no-grafana, --months N, --seed S.
set -euo pipefail
cd "$(dirname "$0")/.."
reset=0; grafana=1; months=3; seed=1
while [ $# -gt 0 ]; do
  case "$1" in
    --reset) reset=1 ;; --no-grafana) grafana=0 ;;
    --months) months="$2"; shift ;; --seed) seed="$2"; shift ;;
    *) echo "unknown option $1 (use --reset, --no-grafana, --months N, --seed S)" >&2; exit 2 ;;
  esac
  shift
done
source scripts/bootstrap.sh
say() { printf '\033[1;32m[demo]\033[0m %s\n' "$*" >&2; }
cli() { node bin/services360.js "$@"; }
export PORT="${PORT:-8360}"
mkdir -p .demo && chmod 700 .demo

if [ "$reset" = 1 ]; then
  say "dropping the demo data"
  psql "$DATABASE_URL" -qc "DROP SCHEMA public CASCADE; DROP SCHEMA IF EXISTS alerting CASCADE; CREATE SCHEMA public;" >/dev/null
fi
say "migrating $DATABASE_URL"
cli migrate
# The city's configuration (reference data, calendars, the 2027 holidays, SLA policies): idempotent, prints its plan.
say "applying the city configuration config/cities/dubai.yaml"
cli config apply config/cities/dubai.yaml
if [ "$(psql "$DATABASE_URL" -qtAc 'SELECT count(*) FROM requests')" = 0 ]; then
  say "generating the demo city (${months} months, seed ${seed})"
  cli generate-demo --months "$months" --seed "$seed"
  say "computing SLA clocks, rollups and hot spots for the history"
  cli run-jobs
fi

# Tokens for this run (shown once, kept in .demo/tokens.env for the provisioning and the trickle).
stamp=$(date +%Y%m%d%H%M%S)
S360_INGEST_TOKEN=$(cli create-token --name "demo-ingest-$stamp" --scopes ingest 2>/dev/null)
S360_API_TOKEN=$(cli create-token --name "demo-read-$stamp" --scopes read 2>/dev/null)
S360_PII_API_TOKEN=$(cli create-token --name "demo-pii-$stamp" --scopes read,pii 2>/dev/null)
export S360_INGEST_TOKEN S360_API_TOKEN S360_PII_API_TOKEN
export S360_AGGREGATOR_URL="http://127.0.0.1:${PORT}"
umask 077
cat > .demo/tokens.env <<ENV
S360_AGGREGATOR_URL=$S360_AGGREGATOR_URL
S360_API_TOKEN=$S360_API_TOKEN
S360_PII_API_TOKEN=$S360_PII_API_TOKEN
S360_INGEST_TOKEN=$S360_INGEST_TOKEN
ENV

say "building the Grafana plugins (dist/)"
npm run build --silent >/dev/null

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

say "starting the aggregator on $S360_AGGREGATOR_URL"
cli serve > .demo/aggregator.log 2>&1 & pids+=($!)
for _ in $(seq 1 60); do curl -fs "$S360_AGGREGATOR_URL/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$S360_AGGREGATOR_URL/healthz" >/dev/null || { echo "the aggregator did not start; see .demo/aggregator.log" >&2; exit 1; }

say "starting the live trickle (1 request or journey step a second)"
cli trickle --url "$S360_AGGREGATOR_URL" --token "$S360_INGEST_TOKEN" --rate 1 > .demo/trickle.log 2>&1 & pids+=($!)

if [ "$grafana" = 1 ]; then
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 && [ -f docker-compose.yaml ]; then
    # With a Docker engine the compose stack is the demo: its own PostGIS, aggregator, seeding, trickle and
    # Grafana (the local aggregator above keeps serving on $S360_AGGREGATOR_URL beside it).
    say "starting the compose stack: Grafana on http://localhost:3000"
    docker compose up -d
  elif gf=$(command -v grafana || command -v grafana-server); then
    say "starting the local Grafana ($gf) on http://localhost:3000"
    mkdir -p .demo/grafana/plugins
    ln -sfn "$PWD/dist" .demo/grafana/plugins/services360-app
    GF_PATHS_PROVISIONING="$PWD/provisioning" GF_PATHS_PLUGINS="$PWD/.demo/grafana/plugins" GF_PATHS_DATA="$PWD/.demo/grafana/data" \
    GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS=services360-app,services360-requests-datasource,services360-zonemap-panel \
    "$gf" $( [ "$(basename "$gf")" = grafana ] && echo server ) --homepath "${GF_HOMEPATH:-/usr/share/grafana}" > .demo/grafana.log 2>&1 & pids+=($!)
  else
    say "no Docker engine and no grafana binary here: point your own Grafana at this aggregator (README: 'Pointing your own Grafana at it')"
  fi
fi

say "ready: aggregator $S360_AGGREGATOR_URL (tokens in .demo/tokens.env); Ctrl-C stops everything"
wait "${pids[0]}"
