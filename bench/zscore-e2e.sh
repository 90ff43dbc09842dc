#!/usr/bin/env bash
# Whole-process timing of `./tonkla zscore` (JVM start, parse, score, write) on ROWS generated children:
# one untimed warm-up run (builds the jar and the class cache if needed), then RUNS timed runs and their median.
# MODE `file` (default) passes IN.csv OUT.csv; `stdio` runs `./tonkla zscore - - < IN > OUT`.
#
#   flock /tmp/tonkla-maven.lock bench/zscore-e2e.sh [ROWS] [RUNS] [file|stdio]
#
# Run it under the shared build lock (as above) so that no build competes for the two cores; it does not take
# the lock itself, because flock on the same file from inside would wait for ever.
set -euo pipefail
ROWS="${1:-1000000}"
RUNS="${2:-3}"
MODE="${3:-file}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
IN="${TMPDIR:-/tmp}/tonkla-children-$ROWS.csv"
OUT="${TMPDIR:-/tmp}/tonkla-zscores-$ROWS.csv"

[ -f "$IN" ] || "$JAVA" "$ROOT/bench/GenerateChildren.java" "$ROWS" "$IN"
zscore() {
  if [ "$MODE" = stdio ]; then "$ROOT/tonkla" zscore - - < "$IN" > "$OUT" 2>/dev/null
  else "$ROOT/tonkla" zscore "$IN" "$OUT" 2>/dev/null; fi
}
zscore

times=()
for _ in $(seq "$RUNS"); do
  start=$(date +%s%N)
  zscore
  end=$(date +%s%N)
  times+=("$(( (end - start) / 1000000 ))")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
# anthro: 38.9 s per 1,000,000 rows (median of three on this machine kind), scaled to ROWS
echo "tonkla zscore ($MODE), $ROWS rows: ${times[*]} ms; median $median ms;" \
  "$(( 38900 * ROWS / 1000000 / median ))x faster than anthro's $(( 38900 * ROWS / 1000000 )) ms" \
  "(load average $(cut -d' ' -f1 /proc/loadavg))"
