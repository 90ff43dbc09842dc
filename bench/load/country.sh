#!/usr/bin/env bash
# The whole country's figures in one run (issue 15 §4): province and national indicator dashboards (server time per
# request, p95), then the child-record API beside pgbench -S (record-api.sh). Run it with the country loaded
# (./tonkla generate --country) and Tonkla started on it, holding the build lock so nobody else's build runs:
#
#   PORT=8096 PGPORT=5496 flock /tmp/tonkla-maven.lock bench/load/country.sh
#
#   N          timed requests per page (default 40, after 5 untimed)   DURATION   seconds per API/pgbench step (60)
set -euo pipefail
cd "$(dirname "$0")"
PORT="${PORT:-8080}" PGPORT="${PGPORT:-5433}" N="${N:-40}"
export PORT PGPORT
echo "== $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), load average $(cut -d' ' -f1 /proc/loadavg)"
psql -h localhost -U postgres -p "$PGPORT" -d tonkla -Atc "SELECT 'children ' || (SELECT count(*) FROM child) || ', units '
  || (SELECT count(*) FROM service_unit) || ', indicator cells ' || (SELECT count(*) FROM indicator_cell)
  || ', facts ' || (SELECT count(*) FROM indicator_fact) || ', dirty ' || (SELECT count(*) FROM indicator_dirty_child)
  || ', database ' || pg_size_pretty(pg_database_size('tonkla'))"
./page-times.sh officer.khonkaen '/indicators?area=40' /indicators "$N" 5      # province dashboard (target p95 < 100 ms)
./page-times.sh officer.khonkaen '/indicators?area=40&indicator=dspm_coverage' /indicators "$N" 5
./page-times.sh admin '/indicators' /indicators "$N" 5                         # national dashboard (target p95 < 300 ms)
./page-times.sh admin '/indicators?indicator=dspm_coverage' /indicators "$N" 5
PROVINCE="${PROVINCE:-40}" ./record-api.sh
