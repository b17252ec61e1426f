#!/usr/bin/env bash
# Load test of the HTTP service: starts `./collection-strategy serve` on a free loopback port, drives it with
# LoadTest (JDK HttpClient, concurrent closed-loop clients posting synthetic debtors to POST /v1/assessments),
# prints throughput, p50/p90/p99 latency and errors, and stops the service. Exit status is LoadTest's: 0 when no
# request failed.
#
#   examples/benchmarks/load.sh [CLIENTS] [SECONDS]        # defaults: 8 clients, 30 s (after a 5 s warm-up)
#
# Needs Java 17 and Maven; builds the command-line tool (through the launcher) and this module's jar when missing.
# Traffic goes to 127.0.0.1 only. JAVA_OPTS is passed to the service's JVM.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CLIENTS="${1:-8}"
SECONDS_TO_RUN="${2:-30}"
PORT="${LOAD_PORT:-$(( 20000 + RANDOM % 20000 ))}"
JAR="$HERE/target/benchmarks.jar"

if [[ ! -f "$JAR" ]]; then
  echo "building $JAR ..." >&2
  (cd "$ROOT" && mvn -B -q -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -Dcyclonedx.skip=true \
      -pl examples/benchmarks -am package) >&2
fi
"$ROOT/collection-strategy" --version >/dev/null   # builds the tool on first use, outside the measured run

LOG="$(mktemp "${TMPDIR:-/tmp}/collection-strategy-serve.XXXXXX")"
"$ROOT/collection-strategy" serve --host 127.0.0.1 --port "$PORT" --as-of 2026-11-28 >"$LOG" 2>&1 &
SERVER=$!
stop() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -f "$LOG"; }
trap stop EXIT

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$PORT/v1/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER" 2>/dev/null; then echo "the service did not start:" >&2; cat "$LOG" >&2; exit 2; fi
  sleep 0.5
done
echo "service: $(head -n 1 "$LOG")" >&2
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)" >&2

java -cp "$JAR" io.collectionstrategy.benchmarks.LoadTest --url "http://127.0.0.1:$PORT" \
  --clients "$CLIENTS" --seconds "$SECONDS_TO_RUN" --warmup 5
