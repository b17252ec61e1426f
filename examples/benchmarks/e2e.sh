#!/usr/bin/env bash
# End to end: the floors of issue 20, each measured by a timed run of the command-line tool, and printed with
# "holds" or "MISSED". Run it on a quiet machine: every figure is wall time.
#
#   examples/benchmarks/e2e.sh [ROWS] [WORKDIR]        # ROWS defaults to 1,000,000
#   SPARK=1 examples/benchmarks/e2e.sh                  # also the Spark job in local[2] on the same rows
#   JMH=1 examples/benchmarks/e2e.sh                    # also PipelineBenchmark and AssessBenchmark (JMH, ~8 min)
#
# What runs (JAVA_OPTS=-Xmx512m, the launcher's JVM options, JAVA_HOME's java when set):
#   1. assess ROWS rows, full records, JSON Lines to a file               floor: 15 s for 1M rows, peak RSS 700 MB
#   2. the same with --fields id,debtorType,situation,script.id,escalation floor: 10 s for 1M rows
#   3. assess the first 200,000 rows                                        floor: 5 s
#   4. cold start: assess one row, the whole process, best of 3             floor: 1.2 s
#   5. (SPARK=1) score-local --master local[2] on the ROWS rows             floor: 80% of run 1's rows per second
#   6. (JMH=1) PipelineBenchmark row/engine <= 2; AssessBenchmark engine >= naive Drools (1 thread), >= 1.5x (2 threads)
# The input is `generate --count ROWS --seed 1`, made once in WORKDIR (default /tmp/collection-strategy-e2e).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROWS="${1:-1000000}"
WORK="${2:-${TMPDIR:-/tmp}/collection-strategy-e2e}"
LAUNCHER="$ROOT/collection-strategy"
AS_OF=2026-11-28
FIELDS=id,debtorType,situation,script.id,escalation
mkdir -p "$WORK"
INPUT="$WORK/portfolio-$ROWS.jsonl"
SMALL="$WORK/portfolio-200000.jsonl"
ONE="$WORK/portfolio-1.jsonl"
command -v /usr/bin/time >/dev/null 2>&1 || { echo "e2e.sh needs /usr/bin/time (Debian package time)" >&2; exit 2; }

# The launcher builds the tool (and, on Java 25+, its start-up cache) on first use: outside the timed runs.
"$LAUNCHER" --version >/dev/null
if [[ ! -s "$INPUT" ]]; then
  echo "generating $ROWS rows into $INPUT ..." >&2
  "$LAUNCHER" generate --count "$ROWS" --seed 1 --out "$INPUT"
fi
[[ -s "$SMALL" ]] || head -n 200000 "$INPUT" > "$SMALL"
[[ -s "$ONE" ]] || head -n 1 "$INPUT" > "$ONE"

export JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
RESULTS="$WORK/floors.txt"
: > "$RESULTS"

# timed NAME ARGS...: runs the launcher under /usr/bin/time; sets WALL (s), CPU (user+sys, s) and RSS (MB).
timed() {
  local name="$1"; shift
  local stats="$WORK/time-$name.txt"
  rm -f "$WORK/out-$name.jsonl"
  /usr/bin/time -f '%e %U %S %M' -o "$stats" "$LAUNCHER" "$@" 2>"$WORK/stderr-$name.txt" >/dev/null || {
    echo "$name failed; see $WORK/stderr-$name.txt" >&2; tail -n 5 "$WORK/stderr-$name.txt" >&2; exit 1; }
  read -r WALL USER SYS RSS_KB < <(tail -n 1 "$stats")
  CPU=$(echo "$USER + $SYS" | bc)
  RSS=$(( RSS_KB / 1024 ))
}

# floor LABEL MEASURED OP LIMIT UNIT: prints one line and records it.
floor() {
  local label="$1" measured="$2" op="$3" limit="$4" unit="$5" ok
  if [[ "$op" == "<=" ]]; then ok=$(echo "$measured <= $limit" | bc); else ok=$(echo "$measured >= $limit" | bc); fi
  local verdict="MISSED"; [[ "$ok" == 1 ]] && verdict="holds"
  printf '%-58s %10s %-4s %s %-6s %s\n' "$label" "$measured" "$unit" "$op" "$limit" "$verdict" | tee -a "$RESULTS"
}

java_version="$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -n 1)"
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
echo "java: $java_version; JAVA_OPTS=$JAVA_OPTS; rows: $ROWS" | tee -a "$RESULTS"

scale=$(echo "$ROWS / 1000000" | bc -l)
timed full assess "$INPUT" --as-of "$AS_OF" --out "$WORK/out-full.jsonl"
FULL_WALL=$WALL
floor "1. $ROWS rows, full records (s; CPU ${CPU} s)" "$WALL" "<=" "$(printf '%.1f' "$(echo "15 * $scale" | bc -l)")" s
floor "   peak RSS of that run (MB)" "$RSS" "<=" 700 MB
timed fields assess "$INPUT" --as-of "$AS_OF" --fields "$FIELDS" --out "$WORK/out-fields.jsonl"
floor "2. $ROWS rows, --fields $FIELDS (s)" "$WALL" "<=" "$(printf '%.1f' "$(echo "10 * $scale" | bc -l)")" s
timed small assess "$SMALL" --as-of "$AS_OF" --out "$WORK/out-small.jsonl"
floor "3. 200,000 rows, full records (s)" "$WALL" "<=" 5 s
best=""
for i in 1 2 3; do
  timed one assess "$ONE" --as-of "$AS_OF" --out "$WORK/out-one.jsonl"
  [[ -z "$best" || $(echo "$WALL < $best" | bc) == 1 ]] && best=$WALL
done
floor "4. cold start: one row, whole process, best of 3 (s)" "$best" "<=" 1.2 s

if [[ "${SPARK:-0}" == 1 ]]; then
  rm -rf "$WORK/spark-out"
  stats="$WORK/time-spark.txt"
  JAVA_OPTS="-Xmx6g -Dspark.sql.files.maxPartitionBytes=32m" /usr/bin/time -f '%e' -o "$stats" \
    "$ROOT/examples/spark/score-local" --master 'local[2]' --input "$INPUT" --output "$WORK/spark-out" --as-of "$AS_OF" \
    >"$WORK/stdout-spark.txt" 2>"$WORK/stderr-spark.txt"
  spark_wall=$(tail -n 1 "$stats")
  cli_rate=$(echo "$ROWS / $FULL_WALL" | bc)
  spark_rate=$(echo "$ROWS / $spark_wall" | bc)
  floor "5. Spark local[2] rows/s (process; CLI: $cli_rate rows/s)" "$spark_rate" ">=" "$(echo "$cli_rate * 8 / 10" | bc)" rows/s
fi

if [[ "${JMH:-0}" == 1 ]]; then
  JAR="$HERE/target/benchmarks.jar"
  [[ -f "$JAR" ]] || (cd "$ROOT" && mvn -B -q -DskipTests -pl examples/benchmarks -am package)
  java -jar "$JAR" 'PipelineBenchmark.(engine|row)$' -f 1 -wi 4 -i 6 -w 3s -r 3s -rf csv -rff "$WORK/pipeline.csv" >"$WORK/jmh-pipeline.txt" 2>&1
  engine=$(awk -F, '/PipelineBenchmark.engine"/ {print $5}' "$WORK/pipeline.csv")
  row=$(awk -F, '/PipelineBenchmark.row"/ {print $5}' "$WORK/pipeline.csv")
  floor "6. pipeline row / engine (JMH us: $row / $engine)" "$(printf '%.2f' "$(echo "$row / $engine" | bc -l)")" "<=" 2 x
  java -jar "$JAR" 'AssessBenchmark.(engine|engine2Threads|baselineNaiveDrools|baselineNaiveDrools2Threads)$' -bm thrpt \
    -tu us -f 1 -wi 4 -i 6 -w 3s -r 3s -jvmArgsPrepend -XX:+UseParallelGC -rf csv -rff "$WORK/assess.csv" >"$WORK/jmh-assess.txt" 2>&1
  score() { awk -F, -v b="\"io.collectionstrategy.benchmarks.AssessBenchmark.$1\"" '$1 == b {print $5}' "$WORK/assess.csv"; }
  floor "7. engine / naive Drools, 1 thread (ops/us)" "$(printf '%.2f' "$(echo "$(score engine) / $(score baselineNaiveDrools)" | bc -l)")" ">=" 1 x
  floor "8. engine / naive Drools, 2 threads (ops/us)" "$(printf '%.2f' "$(echo "$(score engine2Threads) / $(score baselineNaiveDrools2Threads)" | bc -l)")" ">=" 1.5 x
fi
echo "floors written to $RESULTS" >&2
