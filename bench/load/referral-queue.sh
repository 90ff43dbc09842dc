#!/usr/bin/env bash
# The referral-queue figure (issue 12 §8): the incoming queue page of the pilot's busiest health center (the one
# with the most incoming referrals), as officer.khonkaen, 5 warm-up requests then 20 timed, server time from
# Micrometer (page-times.sh). Needs a running Tonkla with the Khon Kaen pilot (./tonkla generate --pilot) and
# psql (Debian: postgresql-client).
#
#   PORT=8091 PGPORT=5491 bench/load/referral-queue.sh [N] [WARMUP]
set -euo pipefail
export PGHOST=localhost PGUSER=postgres PGPASSWORD="${PGPASSWORD:-}"
PGPORT="${PGPORT:-5433}"
IFS=$'\t' read -r UNIT INCOMING OPEN < <(psql -p "$PGPORT" -d tonkla -AtF $'\t' -c "
  SELECT to_unit, count(*), count(*) FILTER (WHERE status IN ('CREATED','RECEIVED','ACCEPTED','IN_SERVICE'))
  FROM referral WHERE province_code = '40' GROUP BY to_unit ORDER BY count(*) DESC, to_unit LIMIT 1")
echo "== health center $UNIT: $INCOMING incoming referrals ($OPEN open); the page lists the newest 200"
exec "$(dirname "$0")/page-times.sh" officer.khonkaen "/referrals?unit=$UNIT&box=incoming" /referrals "${1:-20}" "${2:-5}"
