#!/usr/bin/env bash
# Runs every test of rasad on a fresh machine: formatting, go vet, and the
# whole Go test suite (unit, golden, property and fuzz-seed tests, the date
# corpus and the seed acceptance tests, the store's conformance suite on
# SQLite and on a PostgreSQL server it starts and stops). It installs what
# the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v go >/dev/null 2>&1; then
  echo "test.sh: Go 1.26 or newer is needed (https://go.dev/dl/)" >&2
  exit 1
fi

echo "== gofmt"
unformatted=$(gofmt -l $(find . -name '*.go' -not -path './.cache/*'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:" >&2
  echo "$unformatted" >&2
  exit 1
fi

echo "== go vet"
go vet ./...

echo "== PostgreSQL (a throwaway server in a temporary folder, for the store's conformance suite)"
eval "$(scripts/postgres.sh start)"
trap 'scripts/postgres.sh stop "$RASAD_PG_DIR"' EXIT
export RASAD_REQUIRE_POSTGRES=1

echo "== go test"
go test -count=1 ./...
