#!/usr/bin/env bash
# Runs tests with the clock moved to another date: PostgreSQL, the test process, the aggregator and Chromium all
# see the same moved clock (libfaketime, an offset from now, so the clock keeps ticking), on a throwaway cluster.
# Tests that build their data from "now" must pass on any date: a month end, a Friday, a holiday, 1 January.
#
# Usage (as root, Debian/Ubuntu):  bash scripts/test-at-date.sh "2027-01-01 09:30" [test file filters…]
#   e.g. bash scripts/test-at-date.sh "2027-03-31 23:10" tests/browser tests/integration
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: $0 'YYYY-MM-DD HH:MM' [test filters…]" >&2; exit 2; }
when="$1"; shift
target=$(date -u -d "$when" +%s) || { echo "not a date: $when" >&2; exit 2; }

source scripts/bootstrap.sh --with-browser
lib=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -1 || true)
if [ -z "$lib" ]; then apt_install faketime; lib=$(ls /usr/lib/*/faketime/libfaketime.so.1 | head -1); fi

pgv=$(ls /usr/lib/postgresql | sort -n | tail -1)
name=s360clock
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
offset=$(( target - $(date -u +%s) ))
sign=$([ "$offset" -ge 0 ] && echo + || echo -)
export FAKETIME="${sign}${offset#-}" FAKETIME_DONT_FAKE_MONOTONIC=1

cleanup() { pg_dropcluster --stop "$pgv" "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup
pg_createcluster "$pgv" "$name" --port "$port" >/dev/null
printf "LD_PRELOAD='%s'\nFAKETIME='%s'\nFAKETIME_DONT_FAKE_MONOTONIC=1\n" "$lib" "$FAKETIME" >> "/etc/postgresql/$pgv/$name/environment"
pg_ctlcluster "$pgv" "$name" start
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
su postgres -c "psql -q -p $port -c \"CREATE ROLE services360 LOGIN SUPERUSER PASSWORD 'services360'\"" >/dev/null
su postgres -c "createdb -p $port -O services360 services360"
export DATABASE_URL="postgres://services360:services360@127.0.0.1:${port}/services360"
export S360_ADMIN_URL="postgres://services360:services360@127.0.0.1:${port}/postgres"
db_now=$(su postgres -c "psql -qtA -p $port -c 'SELECT now()'")
echo "[test-at-date] clock moved by ${FAKETIME} s: the tests see $(LD_PRELOAD="$lib" date -u '+%F %T %a'), PostgreSQL sees ${db_now}" >&2

set +e
LD_PRELOAD="$lib" node scripts/run-tests.js "$@"
status=$?
exit $status
