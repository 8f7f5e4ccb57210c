#!/bin/sh
# The `scale` profile's streaming replica (docker-compose.yaml: postgis-replica). On first start (an empty data
# directory) it copies the primary with `pg_basebackup -R` (which writes standby.signal and primary_conninfo),
# then starts as a hot standby through the image's own entrypoint (a data directory that exists is not
# initialised again). The aggregators read it through S360_READ_DATABASE_URL and skip it while it lags.
set -eu
: "${PGDATA:=/var/lib/postgresql/data}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  until gosu postgres pg_isready -h postgis -p 5432 -q; do sleep 1; done
  PGPASSWORD="$S360_REPLICATION_PASSWORD" gosu postgres pg_basebackup -h postgis -p 5432 -U replicator \
    -D "$PGDATA" -R -X stream -c fast --progress
fi
exec docker-entrypoint.sh postgres -c hot_standby=on -c hot_standby_feedback=on
