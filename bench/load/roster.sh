#!/usr/bin/env bash
# The class-roster figure: the roster page of a class of about 30 children (the enrolled class closest to 30 in
# the largest unit that has one), as officer.khonkaen, 10 warm-up requests then 50 timed (bench/README.md).
# Needs a running Tonkla with the Khon Kaen pilot, psql and jq (Debian: postgresql-client, jq).
#
#   PORT=8081 PGPORT=5480 bench/load/roster.sh
set -euo pipefail
export PGHOST=localhost PGUSER=postgres PGPASSWORD="${PGPASSWORD:-}"
PGPORT="${PGPORT:-5433}"
IFS=$'\t' read -r UNIT CLASS SIZE UNIT_SIZE < <(psql -p "$PGPORT" -d tonkla -AtF $'\t' -c "
  WITH current AS (SELECT unit_id, class_name FROM enrolment WHERE kind = 'ENROLLED' AND ended_on IS NULL),
       classes AS (SELECT unit_id, class_name, count(*) AS size FROM current WHERE class_name IS NOT NULL
                   GROUP BY unit_id, class_name),
       units AS (SELECT unit_id, count(*) AS size FROM current GROUP BY unit_id)
  SELECT c.unit_id, c.class_name, c.size, u.size FROM classes c JOIN units u USING (unit_id)
  WHERE c.unit_id IN (SELECT s.id FROM service_unit s WHERE s.province_code = '40')
  ORDER BY abs(c.size - 30), u.size DESC, c.unit_id, c.class_name LIMIT 1")
CLASS_URL=$(jq -rn --arg c "$CLASS" '$c | @uri')
echo "== class '$CLASS' of $SIZE children in unit $UNIT ($UNIT_SIZE enrolled)"
exec "$(dirname "$0")/page-times.sh" officer.khonkaen "/units/$UNIT/roster?className=$CLASS_URL" \
  '/units/{unitId}/roster' 50 10
