#!/bin/sh
# docker compose's one-shot `seed` service (docker-compose.yaml): the demo city (once per database; the Dubai
# communities when /shared/data/dubai holds them, else a generated city; it computes the SLA clocks, then the rollups),
# the jobs run once (hot spots: the screens have them at once, as after `npm run demo`), API tokens
# for Grafana's two Services 360 datasources and for the live trickle, and the read-only login of Grafana's
# alerting datasource with a fresh random password. Writes them to /demo-env/tokens.env, a volume that Grafana
# and the trickle read when they start. While the tokens in that file still work, it is kept as it is.
set -eu
cd /app
cli() { node bin/services360.js "$@"; }
ENV_FILE=/demo-env/tokens.env
AGGREGATOR=http://aggregator:8360
ALERTING_USER="${S360_ALERTING_DB_USER:-grafana_alerting}"

# The city's configuration (idempotent: no change when it is in already), then the demo city (nothing added when
# this seed is already in the database).
cli config apply config/cities/dubai.yaml
cli generate-demo --months "${S360_DEMO_MONTHS:-3}" --seed "${S360_DEMO_SEED:-1}" --quiet
# Waits for the aggregator's own run of a job when one is going on (the same advisory lock).
cli run-jobs

token_works() {
  node -e "fetch(process.argv[1] + '/v1/whoami', { headers: { authorization: 'Bearer ' + process.argv[2] } })
    .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "$AGGREGATOR" "$1"
}
if [ -f "$ENV_FILE" ]; then
  . "$ENV_FILE"
  if token_works "${S360_API_TOKEN:-none}" && token_works "${S360_PII_API_TOKEN:-none}" && token_works "${S360_INGEST_TOKEN:-none}"; then
    echo "seed: the tokens in $ENV_FILE still work; keeping them"
    exit 0
  fi
fi

stamp=$(date +%Y%m%d%H%M%S)
S360_API_TOKEN=$(cli create-token --name "grafana-read-$stamp" --scopes read)
S360_PII_API_TOKEN=$(cli create-token --name "grafana-pii-$stamp" --scopes read,pii)
S360_INGEST_TOKEN=$(cli create-token --name "demo-trickle-$stamp" --scopes ingest)
S360_ALERTING_DB_PASSWORD=$(node -e "console.log(require('node:crypto').randomBytes(18).toString('base64url'))")
export S360_ALERTING_DB_PASSWORD
cli grant-alerting-login --user "$ALERTING_USER" --password-env S360_ALERTING_DB_PASSWORD

# Readable by Grafana's user (uid 472) in its container; the volume is mounted only into this stack's services.
cat > "$ENV_FILE.tmp" <<ENV
S360_API_TOKEN=$S360_API_TOKEN
S360_PII_API_TOKEN=$S360_PII_API_TOKEN
S360_INGEST_TOKEN=$S360_INGEST_TOKEN
S360_ALERTING_DB_PASSWORD=$S360_ALERTING_DB_PASSWORD
ENV
chmod 644 "$ENV_FILE.tmp"
mv "$ENV_FILE.tmp" "$ENV_FILE"
echo "seed: wrote new tokens and the alerting login's password to $ENV_FILE"
