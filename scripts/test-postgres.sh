#!/usr/bin/env bash
# Throw-away PostgreSQL cluster for tests.
#   start [DIR]  -> prints postgres://postgres@127.0.0.1:PORT/trainer_test
#   stop DIR     -> stops the cluster and deletes DIR
#   pause DIR    -> stops the server but keeps the cluster (a database outage, for tests)
#   resume DIR   -> starts a paused cluster again on its port
# Only the URL goes to stdout so callers can do URL=$(bash scripts/test-postgres.sh start).
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_USER=pgtest
DB=trainer_test

die() { echo "test-postgres: $*" >&2; exit 1; }
log() { echo "test-postgres: $*" >&2; }

# PostgreSQL refuses to run as root, so as root everything runs as a system user.
# cd into DIR (readable by that user) and point HOME there so psql/initdb don't
# trip over root's cwd/home; clear PG* env so the caller's settings can't leak in.
as_pg() {
  local env=(env -u PGHOST -u PGPORT -u PGUSER -u PGDATABASE -u PGDATA HOME="$DIR")
  if [[ $EUID -ne 0 ]]; then (cd "$DIR" && "${env[@]}" "$@")
  elif command -v runuser >/dev/null; then (cd "$DIR" && runuser -u "$PG_USER" -- "${env[@]}" "$@")
  elif command -v setpriv >/dev/null; then
    (cd "$DIR" && setpriv --reuid="$PG_USER" --regid="$PG_USER" --init-groups -- "${env[@]}" "$@")
  else (cd "$DIR" && su -s /bin/sh "$PG_USER" -c '"$@"' sh "${env[@]}" "$@")
  fi
}

ensure_binaries() {
  [[ -x $PG_BIN/initdb && -x $PG_BIN/pg_ctl ]] && command -v psql >/dev/null && return
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    log "PostgreSQL binaries missing in $PG_BIN; installing postgresql-15"
    # Keep the package's postinst from starting a system-wide cluster service.
    local made_policy=
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
      made_policy=1
    fi
    local rc=0
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15; } >&2 || rc=$?
    if [[ -n $made_policy ]]; then rm -f /usr/sbin/policy-rc.d; fi
    [[ $rc -eq 0 && -x $PG_BIN/initdb ]] || die "installing postgresql-15 failed"
  else
    die "PostgreSQL 15 not found in $PG_BIN (install the Debian package postgresql-15, or set PG_BIN)"
  fi
}

# Ask the kernel for a free ephemeral port; parallel runs then get distinct ports.
free_port() {
  python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])' 2>/dev/null && return
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})' 2>/dev/null && return
  local p
  for ((p = 55432; p < 56432; p++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  return 1
}

# Globals (not locals) because the EXIT trap may run after start() has returned.
DIR= MADE_DIR= STARTED= OK=
on_exit() {
  [[ -n $OK || -z $DIR ]] && return
  # Failure: show why, kill a half-started server, drop a dir we invented.
  if [[ -f $DIR/postgres.log ]]; then
    log "--- tail of $DIR/postgres.log"
    tail -n 30 "$DIR/postgres.log" >&2
  fi
  if [[ -n $STARTED ]]; then as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true; fi
  if [[ -n $MADE_DIR ]]; then rm -rf "$DIR"; fi
}

start() {
  trap on_exit EXIT
  if [[ $# -ge 1 ]]; then mkdir -p "$1"; DIR=$(cd "$1" && pwd) # absolute: socket dir
  else DIR=$(mktemp -d /tmp/staging-trainer-pg.XXXXXX); MADE_DIR=1
  fi
  [[ ! -e $DIR/data ]] || { OK=1; die "$DIR/data already exists"; } # not ours: don't touch
  ensure_binaries

  if [[ $EUID -eq 0 ]]; then
    id -u "$PG_USER" >/dev/null 2>&1 ||
      useradd --system --no-create-home --user-group --shell /usr/sbin/nologin "$PG_USER" >&2
    chown "$PG_USER:" "$DIR"
  fi
  chmod 700 "$DIR"

  # C.UTF-8 keeps sorting deterministic while still allowing non-ASCII text.
  local locale=C port attempt
  if grep -Eiq '^c\.utf-?8$' <(locale -a 2>/dev/null); then locale=C.UTF-8; fi
  as_pg "$PG_BIN/initdb" -D "$DIR/data" --auth=trust --username=postgres \
    --encoding=UTF8 --locale="$locale" >&2

  # Another process may grab the port between picking and binding; retry only on that race.
  for attempt in 1 2 3 4 5; do
    port=$(free_port) || die "no free port found"
    as_pg sh -c ': >"$1"' sh "$DIR/postgres.log" # fresh log, owned by the server user
    if as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k '$DIR' -c fsync=on" start >&2; then
      STARTED=1
      break
    fi
    if [[ $attempt -eq 5 ]] || ! grep -q 'could not bind\|already in use' "$DIR/postgres.log"; then
      die "pg_ctl start failed"
    fi
    log "port $port was taken, retrying"
  done

  as_pg psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$port" -U postgres -d postgres \
    -c "CREATE DATABASE $DB" >&2

  local url="postgres://postgres@127.0.0.1:$port/$DB"
  echo "$url" >"$DIR/url"
  echo "$port" >"$DIR/port"
  OK=1
  echo "$url"
}

stop() {
  [[ $# -ge 1 && -n $1 ]] || die "usage: $0 stop DIR"
  [[ -d $1 ]] || { log "$1 does not exist"; return 0; }
  DIR=$(cd "$1" && pwd)
  # Refuse to rm -rf something that doesn't look like one of our clusters.
  [[ -d $DIR/data || -f $DIR/port || -f $DIR/postgres.log ]] || die "$DIR does not look like a test cluster"
  if [[ -d $DIR/data ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || log "pg_ctl stop failed (not running?)"
  fi
  rm -rf "$DIR"
}

cluster_dir() {
  [[ $# -ge 1 && -d $1/data ]] || die "usage: $0 pause|resume DIR (a cluster made by start)"
  DIR=$(cd "$1" && pwd)
}

pause() {
  cluster_dir "$@"
  as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2
}

resume() {
  cluster_dir "$@"
  local port
  port=$(cat "$DIR/port")
  as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k '$DIR' -c fsync=on" start >&2
}

cmd=${1:-}
shift || true
case $cmd in
  start) start "$@" ;;
  stop) stop "$@" ;;
  pause) pause "$@" ;;
  resume) resume "$@" ;;
  *) die "usage: $0 start [DIR] | stop DIR | pause DIR | resume DIR" ;;
esac
