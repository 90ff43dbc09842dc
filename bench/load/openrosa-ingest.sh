#!/usr/bin/env bash
# OpenRosa ingest load (issue 11 §7): CLIENTS concurrent ODK-Collect-like clients, each a surveyor of the pilot
# campaign that `./tonkla generate --pilot` makes (surveyor.p<subdistrict>, password tonkla-demo), send home-visit
# submissions with two JPEG photos each (HEAD, then multipart POST to /openrosa/submission, a fresh instanceID each,
# the household in the surveyor's own subdistrict) for WARMUP + DURATION seconds; prints the sustained
# submissions/s of the measured window and checks that the database holds what was answered 201.
# Needs a running Tonkla with the Khon Kaen pilot, psql (Debian: postgresql-client) and the JDK.
#
#   PORT=8093 PGPORT=5493 CLIENTS=16 DURATION=60 bench/load/openrosa-ingest.sh
#   PHOTO_EDGE   long edge of the generated photos in pixels (default 640, ODK Collect's "small" image size)
set -euo pipefail
cd "$(dirname "$0")"
PORT="${PORT:-8080}" PGPORT="${PGPORT:-5433}" CLIENTS="${CLIENTS:-16}" WARMUP="${WARMUP:-15}" DURATION="${DURATION:-60}"
export PGHOST=localhost PGUSER=postgres PGPASSWORD="${PGPASSWORD:-}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
q() { psql -p "$PGPORT" -d tonkla -Atc "$1"; }

SUBDISTRICTS=$(q "SELECT string_agg(a.subdistrict_code, ',' ORDER BY a.subdistrict_code) FROM field_assignment a
  JOIN app_user u ON u.id = a.surveyor_id WHERE u.username = 'surveyor.p' || a.subdistrict_code")
[ -n "$SUBDISTRICTS" ] || { echo "no pilot surveyors: run ./tonkla generate --pilot first" >&2; exit 1; }
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1 /proc/loadavg)"
echo "== $(q 'SELECT count(*) FROM child') children, $(q 'SELECT count(*) FROM field_visit') visits;" \
  "$(echo "$SUBDISTRICTS" | tr ',' '\n' | wc -l) surveyors; $CLIENTS clients, ${WARMUP}s warm-up, ${DURATION}s measured"
before=$(q "SELECT count(*) FROM field_submission")
"$JAVA" OpenRosaIngest.java "http://localhost:$PORT" "$SUBDISTRICTS" "$CLIENTS" "$WARMUP" "$DURATION" "${PHOTO_EDGE:-640}"
after=$(q "SELECT count(*) FROM field_submission")
echo "== stored: $((after - before)) submissions in all (warm-up included), $(q "SELECT count(*) FROM field_visit v
  JOIN field_submission s ON s.id = v.submission_id WHERE s.received_at > now() - interval '1 hour'") visits from them"
