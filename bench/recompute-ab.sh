#!/usr/bin/env bash
# The bulk indicator recompute of two builds, in turns on one database (bench/README.md, "Faster facts"):
#
#   bench/recompute-ab.sh BEFORE.jar AFTER.jar [SCALE]
#
# Generates the country at SCALE (default 0.05: 200,000 children) with BEFORE, whose recompute is run 1; then adds
# about 3,500 children three times (--scale 0.001 with seeds 99, 98, 97) with AFTER, BEFORE and AFTER. Each addition
# asks for a recompute of everyone, so the four "Indicators computed in" lines compare the two builds on the same
# children. Then generates SCALE again from an empty directory with AFTER ("Done in": children and indicators).
# Needs a JDK >= 21 as java (or JAVA); uses /tmp/recompute-ab-data, port 5498. Nothing else should run meanwhile.
set -euo pipefail
BEFORE="$1" AFTER="$2" SCALE="${3:-0.05}" JAVA="${JAVA:-java}"
run() { TONKLA_DATA_DIR=/tmp/recompute-ab-data TONKLA_DB_EMBEDDED_PORT=5498 TONKLA_PORT=8097 \
          "$JAVA" -Xmx768m -Dfile.encoding=UTF-8 -jar "$@" --skip-disk-check | grep -E "^(Indicators computed|Done in)"; }
rm -rf /tmp/recompute-ab-data
echo "1 before: scale $SCALE";  run "$BEFORE" --tonkla.command=generate --country --scale "$SCALE"
echo "2 after: +0.001 seed 99";  run "$AFTER" --tonkla.command=generate --country --scale 0.001 --seed 99
echo "3 before: +0.001 seed 98"; run "$BEFORE" --tonkla.command=generate --country --scale 0.001 --seed 98
echo "4 after: +0.001 seed 97";  run "$AFTER" --tonkla.command=generate --country --scale 0.001 --seed 97
rm -rf /tmp/recompute-ab-data
echo "5 after, from nothing: scale $SCALE"; run "$AFTER" --tonkla.command=generate --country --scale "$SCALE"
rm -rf /tmp/recompute-ab-data
