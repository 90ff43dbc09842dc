#!/usr/bin/env bash
# Throughput of the MOPH 43-file import against raw COPY of the same rows into the same tables, same run.
#
#   bench/f43-import.sh [CHILDREN]        (default 200000; run under the shared build lock, see bench/README.md)
#
# 1. generates a valid 43-file zip of CHILDREN children (F43Synthetic: 2 NUTRITION visits, 1 EPI, a DSPM
#    screening from 10 months) for the demo health center 99001;
# 2. imports it with `./tonkla import f43` into a fresh embedded database (demo data on, for the unit);
#    the import's time is its job's created_at .. finished_at (parsing, checks, WHO scoring, linkage lookups,
#    inserts with every trigger on: change feed V81, indicators V140);
# 3. (generated columns left out, as COPY FROM refuses them) with Tonkla still running, copies the imported rows out (COPY TO), and in one transaction deletes them
#    and times COPY FROM of the same rows into the same tables (child, enrolment, growth_measurement,
#    immunization, dspm_screening), triggers on; then rolls back.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-200000}"
DIR="${TONKLA_BENCH_DIR:-/tmp/tonkla-bench-f43}"
PORT="${TONKLA_BENCH_PG_PORT:-5499}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -f app/target/tonkla.jar ] || ./tonkla build
rm -rf "$DIR" && mkdir -p "$DIR"
"$JAVA_HOME/bin/java" -cp app/target/classes:core/target/classes org.tonkla.exchange.F43Synthetic "$N" 1 "$DIR/f43.zip"
ls -l "$DIR/f43.zip"
# Tonkla with the demo (health center 99001), started here and stopped at the end; the import joins its database.
export TONKLA_DATA_DIR="$DIR/data" TONKLA_DB_EMBEDDED_PORT="$PORT" TONKLA_DEMO=true TONKLA_DEMO_CHILDREN=300 TONKLA_PORT="${TONKLA_BENCH_HTTP_PORT:-18099}"
./tonkla start > "$DIR/tonkla.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null' EXIT
until grep -q "Started TonklaApplication" "$DIR/tonkla.log"; do sleep 2; kill -0 "$SERVER" || exit 1; done
until psql -X -h localhost -p "$PORT" -U postgres -d tonkla -tAc "SELECT 1 FROM service_unit WHERE hospcode = '99001'" 2>/dev/null | grep -q 1; do sleep 2; done
/usr/bin/time -f "import command: %e s wall, %U s user, %S s sys, %M KB max RSS" \
  ./tonkla import f43 "$DIR/f43.zip" --report "$DIR/report.json" | grep -v "^20[0-9][0-9]-" || true

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PORT" -U postgres -d tonkla)

# The job's children: their ids are UUID v3 of "f43-child:99001:" || PID (Java's UUID.nameUUIDFromBytes).
"${PSQL[@]}" <<SQL
CREATE TABLE bench_ids AS
  SELECT (substr(h, 1, 12) || '3' || substr(h, 14, 3)
          || substr('89ab', (('x' || substr(h, 17, 1))::bit(4)::int & 3) + 1, 1) || substr(h, 18))::uuid AS id
  FROM (SELECT md5('f43-child:99001:1' || lpad(i::text, 8, '0')) AS h FROM generate_series(1, $N) i) s;
SELECT string_agg(quote_ident(attname), ',' ORDER BY attnum) AS cols_child FROM pg_attribute WHERE attrelid = 'child'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' \gset
SELECT string_agg(quote_ident(attname), ',' ORDER BY attnum) AS cols_enrolment FROM pg_attribute WHERE attrelid = 'enrolment'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' \gset
SELECT string_agg(quote_ident(attname), ',' ORDER BY attnum) AS cols_growth_measurement FROM pg_attribute WHERE attrelid = 'growth_measurement'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' \gset
SELECT string_agg(quote_ident(attname), ',' ORDER BY attnum) AS cols_immunization FROM pg_attribute WHERE attrelid = 'immunization'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' \gset
SELECT string_agg(quote_ident(attname), ',' ORDER BY attnum) AS cols_dspm_screening FROM pg_attribute WHERE attrelid = 'dspm_screening'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' \gset
\copy (SELECT :cols_child FROM child WHERE id IN (SELECT id FROM bench_ids)) TO '$DIR/child.copy'
\copy (SELECT :cols_enrolment FROM enrolment WHERE child_id IN (SELECT id FROM bench_ids)) TO '$DIR/enrolment.copy'
\copy (SELECT :cols_growth_measurement FROM growth_measurement WHERE child_id IN (SELECT id FROM bench_ids)) TO '$DIR/growth_measurement.copy'
\copy (SELECT :cols_immunization FROM immunization WHERE child_id IN (SELECT id FROM bench_ids)) TO '$DIR/immunization.copy'
\copy (SELECT :cols_dspm_screening FROM dspm_screening WHERE child_id IN (SELECT id FROM bench_ids)) TO '$DIR/dspm_screening.copy'
SQL
ROWS=$(cat "$DIR"/*.copy | wc -l)
IMPORT_S=$("${PSQL[@]}" -tA -c "SELECT extract(epoch FROM finished_at - created_at) FROM f43_job WHERE status = 'DONE'")

COPY_MS=$( { "${PSQL[@]}" <<SQL
SELECT string_agg(quote_ident(attname), ',' ORDER BY attnum) AS cols_child FROM pg_attribute WHERE attrelid = 'child'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' \gset
SELECT string_agg(quote_ident(attname), ',' ORDER BY attnum) AS cols_enrolment FROM pg_attribute WHERE attrelid = 'enrolment'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' \gset
SELECT string_agg(quote_ident(attname), ',' ORDER BY attnum) AS cols_growth_measurement FROM pg_attribute WHERE attrelid = 'growth_measurement'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' \gset
SELECT string_agg(quote_ident(attname), ',' ORDER BY attnum) AS cols_immunization FROM pg_attribute WHERE attrelid = 'immunization'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' \gset
SELECT string_agg(quote_ident(attname), ',' ORDER BY attnum) AS cols_dspm_screening FROM pg_attribute WHERE attrelid = 'dspm_screening'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' \gset
BEGIN;
DELETE FROM dspm_screening WHERE child_id IN (SELECT id FROM bench_ids);
DELETE FROM immunization WHERE child_id IN (SELECT id FROM bench_ids);
DELETE FROM growth_measurement WHERE child_id IN (SELECT id FROM bench_ids);
DELETE FROM enrolment WHERE child_id IN (SELECT id FROM bench_ids);
DELETE FROM child WHERE id IN (SELECT id FROM bench_ids);
\timing on
\copy child (:cols_child) FROM '$DIR/child.copy'
\copy enrolment (:cols_enrolment) FROM '$DIR/enrolment.copy'
\copy growth_measurement (:cols_growth_measurement) FROM '$DIR/growth_measurement.copy'
\copy immunization (:cols_immunization) FROM '$DIR/immunization.copy'
\copy dspm_screening (:cols_dspm_screening) FROM '$DIR/dspm_screening.copy'
\timing off
ROLLBACK;
SQL
} | awk '/^Time:/ { s += $2 } END { printf "%.0f", s }')

awk -v rows="$ROWS" -v imp="$IMPORT_S" -v copy_ms="$COPY_MS" -v n="$N" -v cores="$(nproc)" 'BEGIN {
  ir = rows / imp; cr = rows / (copy_ms / 1000);
  printf "children %d, rows written %d (child, enrolment, growth_measurement, immunization, dspm_screening)\n", n, rows;
  printf "import  %.1f s  %.0f rows/s  (%.0f rows/s per core of %d)\n", imp, ir, ir / cores, cores;
  printf "COPY    %.1f s  %.0f rows/s\n", copy_ms / 1000, cr;
  printf "import / COPY = %.0f %%\n", 100 * ir / cr }'
