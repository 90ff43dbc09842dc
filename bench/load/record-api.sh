#!/usr/bin/env bash
# Load test of the child-record API against pgbench -S on the same PostgreSQL, in one run (issue 4 §8).
# Needs: a Tonkla with the Khon Kaen pilot loaded and running, wrk, pgbench and psql (Debian: wrk,
# postgresql-client). See bench/README.md for the whole procedure.
#   PORT       Tonkla's HTTP port            (default 8080)
#   PGPORT     its PostgreSQL port           (default 5433, the embedded one)
#   DURATION   seconds per measurement        (default 60)
#   WARMUP     seconds of untimed requests first (default 60: after 20 s the JIT's C2 compiler still took a fifth
#              of the two cores during the measurement, issue 15 §4)
#   PROVINCE   draw the children from this province only (default: any; demo-client's scope is Khon Kaen, 40,
#              so on the whole country use PROVINCE=40 or most requests are refused)
set -euo pipefail
cd "$(dirname "$0")"
PORT="${PORT:-8080}" PGPORT="${PGPORT:-5433}" DURATION="${DURATION:-60}" WARMUP="${WARMUP:-60}"
export PGHOST=localhost PGUSER=postgres PGPASSWORD="${PGPASSWORD:-}"

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r)"
psql -p "$PGPORT" -d tonkla -Atc "SELECT id FROM child ${PROVINCE:+WHERE province_code = '$PROVINCE'} ORDER BY random() LIMIT 5000" > /tmp/tonkla-child-ids.txt
echo "== $(psql -p "$PGPORT" -d tonkla -Atc 'SELECT count(*) FROM child') children in the database"

echo "== pgbench -S (select only), 32 clients, 2 threads, ${DURATION}s"
psql -p "$PGPORT" -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'pgbench'" | grep -q 1 \
  || { psql -p "$PGPORT" -d postgres -qc "CREATE DATABASE pgbench"; pgbench -p "$PGPORT" -i -s 10 -q pgbench; }
TPS=$(pgbench -p "$PGPORT" -S -c 32 -j 2 -T "$DURATION" pgbench 2>/dev/null | awk '/^tps/ {print int($3)}')
echo "pgbench -S: $TPS tps"

TOKEN=$(curl -s -u demo-client:tonkla-demo-secret -d grant_type=client_credentials "http://localhost:$PORT/oauth2/token" \
  | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
echo "== GET /api/v1/children/{id}, random pilot children, bearer token of demo-client (officer.khonkaen)"
echo "-- warm-up ${WARMUP}s"
IDS=/tmp/tonkla-child-ids.txt TOKEN="$TOKEN" wrk -t2 -c32 -d"${WARMUP}s" -s child-ids.lua "http://localhost:$PORT" | tail -1
echo "-- measured ${DURATION}s"
RESULT=$(IDS=/tmp/tonkla-child-ids.txt TOKEN="$TOKEN" wrk -t2 -c32 -d"${DURATION}s" --latency -s child-ids.lua "http://localhost:$PORT" | tail -1)
echo "$RESULT"
RPS=$(echo "$RESULT" | awk '{print $2}')
echo "== ratio to pgbench -S: $(awk -v a="$RPS" -v b="$TPS" 'BEGIN {printf "%.1f %%", 100 * a / b}')"
