#!/usr/bin/env bash
# Cold start: a fresh JVM loads the default rulebook, compiles it and assesses one debtor; RUNS times (default 5).
#
#   examples/benchmarks/coldstart.sh [RUNS]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$HERE/target/benchmarks.jar"
[[ -f "$JAR" ]] || { echo "build first: mvn -B -q -pl examples/benchmarks verify" >&2; exit 2; }
for i in $(seq "${1:-5}"); do
  START=$(date +%s.%N)
  java ${JAVA_OPTS:-} -cp "${EXTRA_CP:+$EXTRA_CP:}$JAR" io.collectionstrategy.benchmarks.ColdStart
  END=$(date +%s.%N)
  printf 'run %d: whole process %.2f s\n' "$i" "$(echo "$END - $START" | bc)"
done
