#!/usr/bin/env bash
# Runs every test of rasad on a fresh machine: formatting, go vet, and the
# whole Go test suite (unit, golden, property and fuzz-seed tests, the date
# corpus and the seed acceptance tests). It installs what the tests need.
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

echo "== go test"
go test -count=1 ./...
