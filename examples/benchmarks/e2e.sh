#!/usr/bin/env bash
# End to end: generate a portfolio of N rows (default 1,000,000) as JSON Lines and time
# `./collection-strategy assess` on it with JAVA_OPTS=-Xmx512m: wall time and peak RSS.
#
#   examples/benchmarks/e2e.sh [ROWS] [WORKDIR]
#
# Uses the command-line tool's own `generate` when the launcher exists, otherwise this module's GeneratePortfolio
# (build it first: mvn -B -q -pl examples/benchmarks verify). Floors (issue 5): <= 15 s and peak RSS <= 700 MB.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROWS="${1:-1000000}"
WORK="${2:-${TMPDIR:-/tmp}/collection-strategy-e2e}"
LAUNCHER="$ROOT/collection-strategy"
AS_OF=2026-11-28
mkdir -p "$WORK"
INPUT="$WORK/portfolio-$ROWS.jsonl"
OUTPUT="$WORK/assessed-$ROWS.jsonl"

if [[ ! -s "$INPUT" ]]; then
  echo "generating $ROWS rows into $INPUT ..." >&2
  if [[ -x "$LAUNCHER" ]]; then
    "$LAUNCHER" generate --count "$ROWS" --seed 1 --out "$INPUT"
  else
    java -cp "$HERE/target/benchmarks.jar" io.collectionstrategy.benchmarks.GeneratePortfolio "$ROWS" "$INPUT" 1
  fi
fi
[[ -x "$LAUNCHER" ]] || { echo "no launcher at $LAUNCHER: the command-line tool is needed for the end-to-end run" >&2; exit 2; }
# The launcher builds the tool on first use: do that outside the timed run.
"$LAUNCHER" --version >/dev/null 2>&1 || "$LAUNCHER" --help >/dev/null

rm -f "$OUTPUT" # overwriting a 2 GB file would count its truncation in the timed run
echo "assessing $INPUT (JAVA_OPTS=-Xmx512m, $(nproc) cores) ..." >&2
export JAVA_OPTS="-Xmx512m"
STATS="$WORK/time-$ROWS.txt"
START=$(date +%s.%N)
if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -v -o "$STATS" "$LAUNCHER" assess "$INPUT" --as-of "$AS_OF" --out "$OUTPUT" 2>"$WORK/assess-stderr.txt" || true
  END=$(date +%s.%N)
  PEAK_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$STATS")
else
  # poll /proc for the peak RSS of the JVM (the launcher execs java, so the pid stays the same)
  "$LAUNCHER" assess "$INPUT" --as-of "$AS_OF" --out "$OUTPUT" 2>"$WORK/assess-stderr.txt" &
  PID=$!
  PEAK_KB=0
  while kill -0 "$PID" 2>/dev/null; do
    RSS=$(awk '/VmHWM/ {print $2}' "/proc/$PID/status" 2>/dev/null || echo 0)
    (( RSS > PEAK_KB )) && PEAK_KB=$RSS
    sleep 0.2
  done
  wait "$PID" || true
  END=$(date +%s.%N)
fi
WALL=$(echo "$END - $START" | bc)
LINES=$(wc -l < "$OUTPUT")
tail -n 3 "$WORK/assess-stderr.txt" >&2 || true
printf 'rows=%s output_lines=%s wall_s=%.2f peak_rss_mb=%.0f\n' "$ROWS" "$LINES" "$WALL" "$(echo "$PEAK_KB / 1024" | bc -l)"
