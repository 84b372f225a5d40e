#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests, in a temporary folder,
# on a loopback port, as an unprivileged user; prints the DSN to use.
#
#   eval "$(scripts/postgres.sh start)"   # sets RASAD_TEST_POSTGRES and RASAD_PG_DIR
#   scripts/postgres.sh stop "$RASAD_PG_DIR"
#
# Installs Debian's postgresql package when initdb is missing (as root, or
# with sudo). initdb refuses to run as root, so as root the server runs as the
# postgres user the package creates.
set -euo pipefail

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  done
  return 1
}

install_postgres() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  echo "postgres.sh: installing Debian's postgresql package" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo 55432
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

start() {
  local bin dir port
  bin=$(find_bin) || { install_postgres; bin=$(find_bin); }
  dir=$(mktemp -d "${TMPDIR:-/tmp}/rasad-pg.XXXXXX")
  chmod 755 "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
  port=$(free_port)
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
  echo "export RASAD_PG_DIR=$dir"
  echo "export RASAD_TEST_POSTGRES=postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
}

stop() {
  local dir=$1 bin
  bin=$(find_bin) || return 0
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:?usage: postgres.sh stop DIR}" ;;
  *) echo "usage: postgres.sh start | stop DIR" >&2; exit 2 ;;
esac
