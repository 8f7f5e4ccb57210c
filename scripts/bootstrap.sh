#!/usr/bin/env bash
# Brings a fresh Debian/Ubuntu machine (as root) or a developer's machine to the point where the
# demo and the tests can run: node dependencies, PostGIS (unless DATABASE_URL is given), Chromium (tests), and
# Compose's validator for docker-compose.yaml (tests; Debian's docker-compose, used without a Docker engine).
# Usage: source scripts/bootstrap.sh [--with-browser] [--with-compose]
# Exports DATABASE_URL (the demo database) and S360_ADMIN_URL (a role that may create databases).
set -euo pipefail
S360_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
want_browser=0; want_compose=0
for arg in "$@"; do
  case "$arg" in --with-browser) want_browser=1 ;; --with-compose) want_compose=1 ;; esac
done

log() { printf '\033[1;34m[bootstrap]\033[0m %s\n' "$*" >&2; }
apt_updated=0
apt_install() {
  if [ "$(id -u)" != 0 ]; then log "need root to install $* (or install it yourself)"; return 1; fi
  if [ "$apt_updated" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# 1. Node dependencies (reinstalled when the lock file changed since the last install).
cd "$S360_ROOT"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing node dependencies (npm ci)"
  npm ci --no-audit --no-fund >&2
fi

# 2. PostGIS.
if [ -n "${DATABASE_URL:-}" ]; then
  log "using the given DATABASE_URL"
  export S360_ADMIN_URL="${S360_ADMIN_URL:-$DATABASE_URL}"
else
  if ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
    log "installing PostgreSQL with PostGIS (apt)"
    command -v pg_ctlcluster >/dev/null 2>&1 || apt_install postgresql
    pgv=$(ls /usr/lib/postgresql | sort -n | tail -1)
    apt_install "postgresql-${pgv}-postgis-3"
  fi
  pgv=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^${pgv} main$"; then
    log "creating cluster ${pgv}/main"; pg_createcluster "$pgv" main >&2
  fi
  cluster_online() { pg_lsclusters -h | awk -v v="$pgv" '$1==v && $2=="main" {print $4}' | grep -q online; }
  # Sized for bulk loads (a demo's or a city's history), on the cluster this script manages only: shared memory a
  # quarter of RAM up to 2 GB instead of the package's 128 MB, and checkpoints far apart (with the default 1 GB of
  # WAL a demo load checkpointed every ~27 s). A 3-month demo: 80–83 s before, 74–79 s after (README, issue 16).
  tuning="/etc/postgresql/${pgv}/main/conf.d/services360.conf"
  if [ -d "$(dirname "$tuning")" ] && [ -w "$(dirname "$tuning")" ]; then
    mem_mb=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo)
    buffers_mb=$(( mem_mb / 4 > 2048 ? 2048 : (mem_mb / 4 < 128 ? 128 : mem_mb / 4) ))
    wanted=$(printf '%s\n' "# written by scripts/bootstrap.sh (services360); edit there" \
      "shared_buffers = ${buffers_mb}MB" "max_wal_size = 4GB" "checkpoint_timeout = 30min")
    if [ ! -f "$tuning" ] || [ "$(cat "$tuning")" != "$wanted" ]; then
      log "tuning PostgreSQL ${pgv}/main for bulk loads ($tuning)"
      printf '%s\n' "$wanted" > "$tuning"
      if cluster_online; then
        pg_ctlcluster "$pgv" main restart >&2
      fi
    fi
  fi
  if ! cluster_online; then
    log "starting PostgreSQL ${pgv}/main"; pg_ctlcluster "$pgv" main start >&2
  fi
  port=$(pg_lsclusters -h | awk -v v="$pgv" '$1==v && $2=="main" {print $3}')
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
  # A local superuser role for the project (creates databases and the postgis extension).
  su postgres -c "psql -qtA -p $port -c \"SELECT 1 FROM pg_roles WHERE rolname='services360'\"" | grep -q 1 || \
    su postgres -c "psql -q -p $port -c \"CREATE ROLE services360 LOGIN SUPERUSER PASSWORD 'services360'\"" >&2
  su postgres -c "psql -qtA -p $port -c \"SELECT 1 FROM pg_database WHERE datname='services360'\"" | grep -q 1 || \
    su postgres -c "createdb -p $port -O services360 services360" >&2
  export DATABASE_URL="postgres://services360:services360@127.0.0.1:${port}/services360"
  export S360_ADMIN_URL="postgres://services360:services360@127.0.0.1:${port}/postgres"
fi

# 3. Chromium for browser tests.
if [ "$want_browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  log "installing Chromium (apt)"; apt_install chromium fonts-noto-core
fi

# 4. Compose, for tests/integration/compose.test.ts to have Compose itself check docker-compose.yaml (skipped without).
if [ "$want_compose" = 1 ] && ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1; then
  log "installing docker-compose (apt; only its config check is used)"
  apt_install --no-install-recommends docker-compose || log "no docker-compose: the compose file's Compose check will be skipped"
fi
