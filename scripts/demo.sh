#!/usr/bin/env bash
# The whole demo in one command: PostGIS up and migrated, a demo city generated (once), the plugins built,
# the aggregator serving with its jobs, a live trickle of requests, and Grafana (scripts/grafana.sh: docker compose
# where a Docker engine runs, else a local grafana/grafana-server binary, else Grafana OSS 13.2 installed from
# Grafana's APT repository or its official archive; without network access the demo goes on without it).
# At the end it prints where to look (aggregator, Grafana, kiosk link, tokens) and how long each step took.
# Options: --reset (drop the demo data and generate it again), --no-grafana, --months N, --seed S.
# S360_DEMO_BOOTSTRAP=0 skips scripts/bootstrap.sh (node_modules in place, DATABASE_URL given).
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
say() { printf '\033[1;32m[demo]\033[0m %s\n' "$*" >&2; }
# A small step timer: `step NAME` ends the previous step and starts the next; the summary lists them.
step_names=(); step_secs=(); step_t0=""
now_ms() { date +%s%3N; }
step_end() { if [ -n "$step_t0" ]; then step_secs+=("$(( $(now_ms) - step_t0 ))"); step_t0=""; fi; }
step() { step_end; step_names+=("$1"); step_t0=$(now_ms); say "$1"; }

if [ "${S360_DEMO_BOOTSTRAP:-1}" = 0 ]; then
  # Dependencies and the database managed by hand: node_modules in place and DATABASE_URL given.
  : "${DATABASE_URL:?S360_DEMO_BOOTSTRAP=0 needs DATABASE_URL}"
else
  step "bootstrap (node dependencies, PostGIS)"
  source scripts/bootstrap.sh
fi
cli() { node bin/services360.js "$@"; }
export PORT="${PORT:-8360}"
mkdir -p .demo && chmod 700 .demo
export S360_DEMO_DIR="$PWD/.demo"


if [ "$reset" = 1 ]; then
  step "dropping the demo data"
  psql "$DATABASE_URL" -qc "DROP SCHEMA public CASCADE; DROP SCHEMA IF EXISTS alerting CASCADE; CREATE SCHEMA public;" >/dev/null
fi
step "migrating $DATABASE_URL"
cli migrate
# The city's configuration (reference data, calendars, the 2027 holidays, SLA policies): idempotent, prints its plan.
say "applying the city configuration config/cities/dubai.yaml"
cli config apply config/cities/dubai.yaml
if [ "$(psql "$DATABASE_URL" -qtAc 'SELECT count(*) FROM requests')" = 0 ]; then
  step "generating the demo city (${months} months, seed ${seed})"
  cli generate-demo --months "$months" --seed "$seed"
  # generate-demo computed the SLA clocks and then the rollups; the jobs add the hot spots (and anything left).
  step "computing the hot spots of the history"
  cli run-jobs
fi

# Tokens for this run (shown once, kept in .demo/tokens.env for the provisioning and the trickle).
step "creating API tokens"
stamp=$(date +%Y%m%d%H%M%S)
S360_INGEST_TOKEN=$(cli create-token --name "demo-ingest-$stamp" --scopes ingest 2>/dev/null)
S360_API_TOKEN=$(cli create-token --name "demo-read-$stamp" --scopes read 2>/dev/null)
S360_PII_API_TOKEN=$(cli create-token --name "demo-pii-$stamp" --scopes read,pii 2>/dev/null)
export S360_INGEST_TOKEN S360_API_TOKEN S360_PII_API_TOKEN
export S360_AGGREGATOR_URL="http://127.0.0.1:${PORT}"
# Only this file is private (0600): the build below must stay readable by Grafana's user (no umask 077 here).
(umask 077; cat > .demo/tokens.env <<ENV
S360_AGGREGATOR_URL=$S360_AGGREGATOR_URL
S360_API_TOKEN=$S360_API_TOKEN
S360_PII_API_TOKEN=$S360_PII_API_TOKEN
S360_INGEST_TOKEN=$S360_INGEST_TOKEN
ENV
)
chmod 600 .demo/tokens.env

step "building the Grafana plugins (dist/)"
npm run build --silent >/dev/null

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

step "starting the aggregator on $S360_AGGREGATOR_URL"
cli serve > .demo/aggregator.log 2>&1 & pids+=($!)
for _ in $(seq 1 60); do curl -fs "$S360_AGGREGATOR_URL/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$S360_AGGREGATOR_URL/healthz" >/dev/null || { echo "the aggregator did not start; see .demo/aggregator.log" >&2; exit 1; }

step "starting the live trickle (1 request or journey step a second)"
cli trickle --url "$S360_AGGREGATOR_URL" --token "$S360_INGEST_TOKEN" --rate 1 > .demo/trickle.log 2>&1 & pids+=($!)

GRAFANA_URL="" GRAFANA_KIOSK_URL="" GRAFANA_NOTE="no Grafana: --no-grafana"
if [ "$grafana" = 1 ]; then
  step "Grafana"
  source scripts/grafana.sh
  grafana_start
fi
step_end

# Where to look.
summary() {
  echo
  echo "Services 360 demo is running (Ctrl-C stops everything):"
  printf '  %-11s %s\n' aggregator "$S360_AGGREGATOR_URL   (log: .demo/aggregator.log)"
  if [ -n "$GRAFANA_URL" ]; then
    printf '  %-11s %s\n' grafana "$GRAFANA_URL   (user admin, password in $S360_DEMO_DIR/grafana-admin.env)"
    printf '  %-11s %s\n' "wall screen" "$GRAFANA_KIOSK_URL"
  else
    printf '  %-11s %s\n' grafana "${GRAFANA_NOTE#no Grafana: } — none here; README.md \"Pointing your own Grafana at it\""
    printf '  %-11s %s\n' "wall screen" "http://<your grafana>/d/s360-executive?kiosk&refresh=10s"
  fi
  printf '  %-11s %s\n' tokens "$S360_DEMO_DIR/tokens.env"
  echo "  steps:"
  local i total=0
  for i in "${!step_names[@]}"; do
    printf '    %7.1f s  %s\n' "$(awk -v ms="${step_secs[$i]:-0}" 'BEGIN { print ms / 1000 }')" "${step_names[$i]}"
    total=$(( total + ${step_secs[$i]:-0} ))
  done
  printf '    %7.1f s  in all\n' "$(awk -v ms="$total" 'BEGIN { print ms / 1000 }')"
}
summary >&2
wait "${pids[0]}"
