#!/bin/sh
# docker compose's one-shot `scale-init` service (profile `scale`): on the primary, the replication role the
# streaming replica connects as, and the database that holds the Grafana instances' shared state (users,
# sessions, dashboards, alert state: what lets two Grafanas behind one load balancer act as one). Idempotent.
set -eu
export PGPASSWORD="$S360_DB_PASSWORD"
q() { psql -X -v ON_ERROR_STOP=1 -h postgis -U services360 -d services360 -tAc "$1"; }
if [ -z "$(q "SELECT 1 FROM pg_roles WHERE rolname = 'replicator'")" ]; then
  q "CREATE ROLE replicator LOGIN REPLICATION PASSWORD '$S360_REPLICATION_PASSWORD'"
fi
if [ -z "$(q "SELECT 1 FROM pg_database WHERE datname = 'grafana'")" ]; then
  q "CREATE DATABASE grafana OWNER services360"
fi
echo "scale-init: replication role and Grafana database ready"
