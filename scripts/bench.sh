#!/usr/bin/env bash
# Runs rasad's benchmarks on the seeds and the shared corpora and prints the
# figures quoted in README.md. Needs ../shared beside the project.
set -euo pipefail
cd "$(dirname "$0")/.."
go test -run '^$' -bench . -benchtime "${BENCHTIME:-5x}" ./internal/text/ ./internal/timex/ ./internal/analyze/
