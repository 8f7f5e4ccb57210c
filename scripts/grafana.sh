#!/usr/bin/env bash
# Grafana for the demo: the compose stack where a Docker engine runs, else a grafana/grafana-server binary on PATH,
# else Grafana OSS installed the documented way for the platform — on Debian/Ubuntu as root from Grafana's own APT
# repository (its signing key in /etc/apt/keyrings/grafana.gpg, the 13.2 line the plugins are built against),
# elsewhere the official standalone archive with its SHA-256 checked, unpacked into the demo's state dir. Then it
# runs Grafana as the demo's child process: our provisioning, our built plugins (dist/), our three unsigned plugin
# ids allowed, bound to 127.0.0.1, with a generated first-login admin password (never admin/admin) kept in
# <state dir>/grafana-admin.env (mode 0600).
#
# When nothing can be downloaded it says which URL failed, that nothing else changed and what to do, and returns
# so that the rest of the demo goes on without Grafana.
#
# scripts/demo.sh sources this file and calls grafana_start (Grafana's pid is appended to the caller's `pids`
# array; GRAFANA_URL, GRAFANA_KIOSK_URL and GRAFANA_NOTE are set). On its own: `bash scripts/grafana.sh` starts
# Grafana the same way and waits for it (the aggregator's URL and tokens from <state dir>/tokens.env).
#
# Settings (environment):
#   S360_GRAFANA_SOURCE        auto (default) | docker | binary | apt | archive — force one way
#   S360_GRAFANA_BIN           a Grafana binary to use (default: grafana or grafana-server on PATH)
#   S360_GRAFANA_PORT          3000
#   S360_GRAFANA_APT_URL       https://apt.grafana.com
#   S360_GRAFANA_DOWNLOAD_URL  https://dl.grafana.com/oss/release (the standalone archives,
#                              grafana-<version>.<os>-<arch>.tar.gz)
#   S360_GRAFANA_ARCHIVE_URL   the archive's whole URL, when Grafana's download page names it otherwise
#   S360_GRAFANA_SHA256        the archive's SHA-256 (default: the .sha256 file published beside it)
#   S360_GRAFANA_TIMEOUT       seconds for each download (30)
#   S360_DEMO_DIR              the demo's state dir (.demo)
#   S360_GRAFANA_DIST          the built plugins (dist/)

S360_GF_LINE=13.2
S360_GF_VERSION=13.2.3
S360_GF_UNSIGNED=services360-app,services360-requests-datasource,services360-zonemap-panel
S360_GF_DASHBOARD=s360-executive
S360_GF_KEYRING=/etc/apt/keyrings/grafana.gpg
S360_GF_APT_LIST=/etc/apt/sources.list.d/grafana.list
S360_GF_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

gf_say() { printf '\033[1;35m[grafana]\033[0m %s\n' "$*" >&2; }
gf_state() { printf '%s' "${S360_DEMO_DIR:-$S360_GF_ROOT/.demo}"; }
gf_port() { printf '%s' "${S360_GRAFANA_PORT:-3000}"; }
gf_apt_url() { printf '%s' "${S360_GRAFANA_APT_URL:-https://apt.grafana.com}"; }
gf_download_url() { printf '%s' "${S360_GRAFANA_DOWNLOAD_URL:-https://dl.grafana.com/oss/release}"; }
gf_fetch() { # URL FILE: one attempt, bounded; curl's error on stderr
  curl -fsSL --connect-timeout 10 --max-time "${S360_GRAFANA_TIMEOUT:-30}" -o "$2" "$1"
}

# What to tell the user when Grafana cannot be had: which URL failed, that nothing changed, what to do instead.
gf_unavailable() { # URL WHAT DETAIL
  local url="$1" what="$2" detail="$3"
  gf_say "could not download $what from $url${detail:+ ($detail)}."
  gf_say "Nothing else was changed: no APT source, key or package and no Grafana files were left on this machine."
  gf_say "The demo goes on without Grafana. To see the dashboards, point an existing Grafana 13.2 or newer at the aggregator (README.md, \"Pointing your own Grafana at it\"), or run npm run demo on a machine that reaches $url."
  GRAFANA_NOTE="no Grafana: could not download $what from $url"
  return 3
}

# Sets GF_BIN and GF_HOME to a Grafana found on this machine (or unpacked earlier into the state dir).
gf_find() {
  local bin="${S360_GRAFANA_BIN:-}"
  if [ -z "$bin" ]; then
    bin=$(command -v grafana 2>/dev/null || command -v grafana-server 2>/dev/null || true)
    [ -n "$bin" ] || [ ! -x /usr/share/grafana/bin/grafana ] || bin=/usr/share/grafana/bin/grafana
    local unpacked="$(gf_state)/grafana/grafana-$S360_GF_VERSION/bin/grafana"
    [ -n "$bin" ] || [ ! -x "$unpacked" ] || bin="$unpacked"
  fi
  [ -n "$bin" ] && [ -x "$bin" ] || return 1
  GF_BIN="$bin"
  local real; real=$(readlink -f "$bin")
  if [ -n "${GF_HOMEPATH:-}" ]; then GF_HOME="$GF_HOMEPATH"
  elif [ -f "$(dirname "$real")/../conf/defaults.ini" ]; then GF_HOME="$(cd "$(dirname "$real")/.." && pwd)"
  else GF_HOME=/usr/share/grafana; fi
}

# Debian/Ubuntu as root: Grafana's APT repository, as Grafana documents it, pinned to the 13.2 line.
gf_install_apt() {
  local repo tmp; repo=$(gf_apt_url)
  if [ "$(id -u)" != 0 ]; then
    GRAFANA_NOTE="no Grafana: installing it from Grafana's APT repository needs root"; gf_say "$GRAFANA_NOTE"; return 3
  fi
  tmp=$(mktemp -d)
  gf_say "installing Grafana OSS $S360_GF_LINE.* from $repo (APT)"
  if ! gf_fetch "$repo/gpg.key" "$tmp/gpg.key" 2>"$tmp/err"; then
    local err; err=$(tail -1 "$tmp/err" | sed -E 's/^curl: (\([0-9]+\) )?//'); rm -rf "$tmp"
    gf_unavailable "$repo/gpg.key" "Grafana's APT signing key" "$err"; return
  fi
  command -v gpg >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnupg >&2
  local made_keyring=0 made_list=0
  [ -e "$S360_GF_KEYRING" ] || made_keyring=1
  [ -e "$S360_GF_APT_LIST" ] || made_list=1
  undo() { [ "$made_keyring" = 0 ] || rm -f "$S360_GF_KEYRING"; [ "$made_list" = 0 ] || rm -f "$S360_GF_APT_LIST"; rm -rf "$tmp"; }
  install -d -m 0755 "$(dirname "$S360_GF_KEYRING")"
  if ! gpg --dearmor < "$tmp/gpg.key" > "$tmp/grafana.gpg" 2>"$tmp/err"; then
    undo; gf_unavailable "$repo/gpg.key" "a valid Grafana APT signing key" "not an OpenPGP key"; return
  fi
  install -m 0644 "$tmp/grafana.gpg" "$S360_GF_KEYRING"
  echo "deb [signed-by=$S360_GF_KEYRING] $repo stable main" > "$S360_GF_APT_LIST"
  # Only Grafana's source is refreshed (the machine's other lists stay as they are).
  if ! DEBIAN_FRONTEND=noninteractive apt-get update -qq -o Dir::Etc::sourcelist="$S360_GF_APT_LIST" \
       -o Dir::Etc::sourceparts=- -o APT::Get::List-Cleanup=0 >"$tmp/err" 2>&1; then
    local err; err=$(grep -E '^(E|W|Err):' "$tmp/err" | head -1); undo
    gf_unavailable "$repo/dists/stable/InRelease" "a verified copy of Grafana's APT package index" "$err"; return
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "grafana=$S360_GF_LINE.*" >"$tmp/err" 2>&1; then
    local err; err=$(grep -E '^E:' "$tmp/err" | head -1); undo
    gf_unavailable "$repo" "the package grafana=$S360_GF_LINE.*" "$err"; return
  fi
  apt-mark hold grafana >/dev/null 2>&1 || true   # stays on the line the plugins are built for
  rm -rf "$tmp"
  gf_find
}

# Anywhere else: the official standalone archive, its SHA-256 checked, unpacked into the state dir.
gf_install_archive() {
  local arch
  case "$(uname -m)" in x86_64|amd64) arch=amd64 ;; aarch64|arm64) arch=arm64 ;; armv7l) arch=armv7 ;;
    *) gf_say "no Grafana archive for $(uname -m)"; GRAFANA_NOTE="no Grafana: no archive for $(uname -m)"; return 3 ;; esac
  local os; os=$(uname -s | tr 'A-Z' 'a-z')
  local url; url="${S360_GRAFANA_ARCHIVE_URL:-$(gf_download_url)/grafana-$S360_GF_VERSION.$os-$arch.tar.gz}"
  local dir; dir="$(gf_state)/grafana"
  local tmp; mkdir -p "$dir"; tmp=$(mktemp -d "$dir/download.XXXXXX")
  gf_say "downloading Grafana OSS $S360_GF_VERSION ($url)"
  if ! gf_fetch "$url" "$tmp/grafana.tar.gz" 2>"$tmp/err"; then
    local err; err=$(tail -1 "$tmp/err" | sed -E 's/^curl: (\([0-9]+\) )?//'); rm -rf "$tmp"; rmdir "$dir" 2>/dev/null || true
    gf_unavailable "$url" "the Grafana $S360_GF_VERSION archive" "$err"; return
  fi
  local want="${S360_GRAFANA_SHA256:-}"
  if [ -z "$want" ]; then
    if ! gf_fetch "$url.sha256" "$tmp/sha256" 2>"$tmp/err"; then
      local err; err=$(tail -1 "$tmp/err" | sed -E 's/^curl: (\([0-9]+\) )?//'); rm -rf "$tmp"; rmdir "$dir" 2>/dev/null || true
      gf_unavailable "$url.sha256" "the archive's SHA-256" "$err"; return
    fi
    want=$(awk '{print $1; exit}' "$tmp/sha256")
  fi
  local got; got=$(sha256sum "$tmp/grafana.tar.gz" | awk '{print $1}')
  if [ "$got" != "$want" ]; then
    rm -rf "$tmp"; rmdir "$dir" 2>/dev/null || true
    gf_say "the archive from $url has SHA-256 $got, not $want: not used"
    GRAFANA_NOTE="no Grafana: the archive's SHA-256 did not match"; return 3
  fi
  tar -xzf "$tmp/grafana.tar.gz" -C "$tmp"
  local top; top=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d | head -1)
  rm -rf "$dir/grafana-$S360_GF_VERSION"; mv "$top" "$dir/grafana-$S360_GF_VERSION"; rm -rf "$tmp"
  gf_find
}

gf_install() {
  local how="${S360_GRAFANA_SOURCE:-auto}"
  if [ "$how" = apt ] || { [ "$how" = auto ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ -f /etc/debian_version ]; }; then
    gf_install_apt
  else
    gf_install_archive
  fi
}

gf_random() { node -e "console.log(require('node:crypto').randomBytes(18).toString('base64url'))"; }

# The first-login admin password: generated once, kept in the state dir (0600), used while Grafana's data lasts.
gf_password() {
  local file; file="$(gf_state)/grafana-admin.env"
  if [ ! -s "$file" ]; then
    [ ! -e "$(gf_state)/grafana/data/grafana.db" ] || gf_say "Grafana's data in $(gf_state)/grafana/data is older than $file: admin keeps the password set then (remove that folder to start afresh)"
    (umask 077; printf 'GF_ADMIN_USER=admin\nGF_ADMIN_PASSWORD=%s\n' "$(gf_random)" > "$file")
  fi
  chmod 600 "$file"
  GF_ADMIN_PASSWORD=$(sed -n 's/^GF_ADMIN_PASSWORD=//p' "$file")
}

# Grafana's alerting datasource logs in as a least-privilege role (README: alerts). Best effort: without it the
# alert rules have no data, the rest works.
gf_alerting_login() {
  [ -n "${DATABASE_URL:-}" ] || return 0
  local file; file="$(gf_state)/alerting.env"
  if [ ! -s "$file" ]; then
    local pw; pw=$(gf_random)
    if ! S360_ALERTING_DB_PASSWORD="$pw" node "$S360_GF_ROOT/bin/services360.js" grant-alerting-login --user grafana_alerting \
         --password-env S360_ALERTING_DB_PASSWORD >/dev/null 2>"$(gf_state)/alerting-login.log"; then
      gf_say "could not make the alerting login (see $(gf_state)/alerting-login.log): alert rules will have no data"
      return 0
    fi
    local hostport dbname
    hostport=$(node -e "const u = new URL(process.argv[1]); console.log((u.hostname || '127.0.0.1') + ':' + (u.port || 5432))" "$DATABASE_URL")
    dbname=$(node -e "console.log(decodeURIComponent(new URL(process.argv[1]).pathname.slice(1)))" "$DATABASE_URL")
    (umask 077; printf 'S360_ALERTING_DB_HOST=%s\nS360_ALERTING_DB_NAME=%s\nS360_ALERTING_DB_USER=grafana_alerting\nS360_ALERTING_DB_PASSWORD=%s\nS360_ALERTING_DB_SSLMODE=disable\n' \
      "$hostport" "$dbname" "$pw" > "$file")
  fi
  set -a; . "$file"; set +a
}

# Runs Grafana in the foreground (the caller puts it in the background): replaces the current (sub)shell.
gf_exec() {
  local state dist; state=$(gf_state); dist="${S360_GRAFANA_DIST:-$S360_GF_ROOT/dist}"
  mkdir -p "$state/grafana/data" "$state/grafana/logs" "$state/grafana/plugins"
  # dist/ is the plugin: copied (not linked) so Grafana serves its files from inside its plugins dir.
  rm -rf "$state/grafana/plugins/services360-app"
  cp -R "$dist" "$state/grafana/plugins/services360-app"
  export GF_PATHS_PROVISIONING="$S360_GF_ROOT/provisioning" GF_PATHS_PLUGINS="$state/grafana/plugins"
  export GF_PATHS_DATA="$state/grafana/data" GF_PATHS_LOGS="$state/grafana/logs"
  export GF_SERVER_HTTP_ADDR=127.0.0.1 GF_SERVER_HTTP_PORT="$(gf_port)"
  export GF_SECURITY_ADMIN_USER=admin GF_SECURITY_ADMIN_PASSWORD="$GF_ADMIN_PASSWORD"
  export GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS="$S360_GF_UNSIGNED"
  export GF_ANALYTICS_REPORTING_ENABLED=false GF_ANALYTICS_CHECK_FOR_UPDATES=false GF_ANALYTICS_CHECK_FOR_PLUGIN_UPDATES=false
  # Grafana refuses provisioning with an empty address list or webhook URL: placeholders until you set yours.
  export S360_ALERT_EMAILS="${S360_ALERT_EMAILS:-leadership@example.invalid}"
  export S360_TEAMS_WEBHOOK_URL="${S360_TEAMS_WEBHOOK_URL:-https://example.invalid/teams-workflows-webhook}"
  export S360_ALERTING_DB_HOST="${S360_ALERTING_DB_HOST:-127.0.0.1:5432}" S360_ALERTING_DB_NAME="${S360_ALERTING_DB_NAME:-services360}"
  export S360_ALERTING_DB_USER="${S360_ALERTING_DB_USER:-grafana_alerting}" S360_ALERTING_DB_PASSWORD="${S360_ALERTING_DB_PASSWORD:-unset}"
  export S360_ALERTING_DB_SSLMODE="${S360_ALERTING_DB_SSLMODE:-disable}"
  if [ "$(basename "$GF_BIN")" = grafana ]; then exec "$GF_BIN" server --homepath "$GF_HOME"
  else exec "$GF_BIN" --homepath "$GF_HOME"; fi
}

gf_docker() {
  command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 && docker compose version >/dev/null 2>&1
}

# Starts Grafana for the demo. Returns 0 whether or not there is one (GRAFANA_NOTE says why not).
grafana_start() {
  GRAFANA_URL="" GRAFANA_KIOSK_URL="" GRAFANA_NOTE=""
  local how="${S360_GRAFANA_SOURCE:-auto}" state port; state=$(gf_state); port=$(gf_port)
  mkdir -p "$state"
  if [ "$how" = docker ] || { [ "$how" = auto ] && gf_docker; }; then
    # The compose stack is the demo on its own: PostGIS, aggregator, seeding, trickle and Grafana on 3000.
    gf_password
    export GF_ADMIN_PASSWORD
    [ -z "${S360_DUBAI_DIR:-}" ] && [ -d "$S360_GF_ROOT/../shared/data/dubai" ] && export S360_DUBAI_DIR="$(cd "$S360_GF_ROOT/../shared/data/dubai" && pwd)"
    gf_say "starting the compose stack (its own PostGIS, aggregator and Grafana)"
    (cd "$S360_GF_ROOT" && docker compose up -d --build) >&2 || { GRAFANA_NOTE="no Grafana: docker compose up failed"; gf_say "$GRAFANA_NOTE"; return 0; }
    local i
    for i in $(seq 1 "${S360_GRAFANA_WAIT:-600}"); do curl -fs -m 2 http://127.0.0.1:3000/api/health >/dev/null 2>&1 && break; sleep 1; done
    curl -fs -m 2 http://127.0.0.1:3000/api/health >/dev/null 2>&1 || { GRAFANA_NOTE="no Grafana: the compose stack's Grafana did not answer (docker compose logs grafana)"; gf_say "$GRAFANA_NOTE"; return 0; }
    GRAFANA_URL="http://127.0.0.1:3000"
    GRAFANA_KIOSK_URL="$GRAFANA_URL/d/$S360_GF_DASHBOARD?kiosk&refresh=10s"
    return 0
  fi
  if { [ "$how" = apt ] || [ "$how" = archive ] || ! gf_find; }; then
    if [ "$how" = binary ]; then GRAFANA_NOTE="no Grafana: no grafana or grafana-server binary"; gf_say "$GRAFANA_NOTE"; return 0; fi
    gf_install || return 0
  fi
  gf_password
  gf_alerting_login
  gf_say "starting $GF_BIN on http://127.0.0.1:$port (log: $state/grafana.log)"
  gf_exec > "$state/grafana.log" 2>&1 &
  local gpid=$!
  if declare -p pids >/dev/null 2>&1; then pids+=("$gpid"); fi
  GRAFANA_PID=$gpid
  local i
  for i in $(seq 1 "${S360_GRAFANA_WAIT:-180}"); do
    curl -fs -m 2 "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
    kill -0 "$gpid" 2>/dev/null || break
    sleep 1
  done
  if ! curl -fs -m 2 "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then
    GRAFANA_NOTE="no Grafana: it did not answer on http://127.0.0.1:$port/api/health (see $state/grafana.log)"
    gf_say "$GRAFANA_NOTE"
    kill "$gpid" 2>/dev/null || true
    return 0
  fi
  GRAFANA_URL="http://127.0.0.1:$port"
  GRAFANA_KIOSK_URL="$GRAFANA_URL/d/$S360_GF_DASHBOARD?kiosk&refresh=10s"
  gf_say "Grafana is up: $GRAFANA_URL (admin; password in $state/grafana-admin.env)"
  gf_say "wall screen: $GRAFANA_KIOSK_URL"
  return 0
}

# Run on its own: start Grafana beside an aggregator the demo started (its tokens from the state dir) and wait.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  state=$(gf_state)
  if [ -f "$state/tokens.env" ]; then set -a; . "$state/tokens.env"; set +a; fi
  pids=()
  trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT INT TERM
  grafana_start
  if [ -n "$GRAFANA_URL" ] && [ -n "${GRAFANA_PID:-}" ]; then wait "$GRAFANA_PID"; fi
fi
