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
# 3. with Tonkla still running, copies the imported rows out (server-side COPY TO; generated columns left
#    out, as COPY FROM refuses them), deletes them and vacuums (untimed), and times COPY FROM of the same
#    rows into the same tables (household, child, enrolment, growth_measurement, immunization,
#    dspm_screening) in one transaction with its commit, triggers on.
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
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then echo "port $PORT is in use: stop what listens there" >&2; exit 1; fi
./tonkla start > "$DIR/tonkla.log" 2>&1 &
SERVER=$!
# Stop Tonkla, then its embedded PostgreSQL should it outlive the JVM (it did once, and held the port).
stop() {
  kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true
  local pid; pid=$(head -1 "$DIR/data/postgres/postmaster.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -INT "$pid"; fi
}
trap stop EXIT
until grep -q "Started TonklaApplication" "$DIR/tonkla.log"; do sleep 2; kill -0 "$SERVER" || exit 1; done
until psql -X -h localhost -p "$PORT" -U postgres -d tonkla -tAc "SELECT 1 FROM service_unit WHERE hospcode = '99001'" 2>/dev/null | grep -q 1; do sleep 2; done
/usr/bin/time -f "import command: %e s wall, %U s user, %S s sys, %M KB max RSS" \
  ./tonkla import f43 "$DIR/f43.zip" --report "$DIR/report.json" | grep -v "^20[0-9][0-9]-" || true

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PORT" -U postgres -d tonkla)
# The tables the import writes for a child, parents first; each with the rows of the job's children.
TABLES=(household child enrolment growth_measurement immunization dspm_screening)
declare -A WHERE=(
  [household]="id IN (SELECT id FROM bench_households)"
  [child]="id IN (SELECT id FROM bench_ids)"
  [enrolment]="child_id IN (SELECT id FROM bench_ids)"
  [growth_measurement]="child_id IN (SELECT id FROM bench_ids)"
  [immunization]="child_id IN (SELECT id FROM bench_ids)"
  [dspm_screening]="child_id IN (SELECT id FROM bench_ids)")
# COPY FROM refuses generated columns (child has some): name the others.
cols() { "${PSQL[@]}" -tA -c "SELECT string_agg(quote_ident(attname), ',' ORDER BY attnum) FROM pg_attribute
  WHERE attrelid = '$1'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''"; }
declare -A COLS
for t in "${TABLES[@]}"; do COLS[$t]=$(cols "$t"); done

# The job's children: their ids are UUID v3 of "f43-child:99001:" || PID (Java's UUID.nameUUIDFromBytes).
"${PSQL[@]}" <<SQL
CREATE TABLE bench_ids AS
  SELECT (substr(h, 1, 12) || '3' || substr(h, 14, 3)
          || substr('89ab', (('x' || substr(h, 17, 1))::bit(4)::int & 3) + 1, 1) || substr(h, 18))::uuid AS id
  FROM (SELECT md5('f43-child:99001:1' || lpad(i::text, 8, '0')) AS h FROM generate_series(1, $N) i) s;
CREATE TABLE bench_households AS SELECT household_id AS id FROM child WHERE id IN (SELECT id FROM bench_ids);
SQL
# Server-side COPY TO/FROM files: PostgreSQL reads them itself, the rawest load there is.
chmod 777 "$DIR"
for t in "${TABLES[@]}"; do
  "${PSQL[@]}" -c "COPY (SELECT ${COLS[$t]} FROM $t WHERE ${WHERE[$t]}) TO '$DIR/$t.copy'"
done
ROWS=$(cat "$DIR"/*.copy | wc -l)
for t in "${TABLES[@]}"; do echo "$t $(wc -l < "$DIR/$t.copy")"; done
IMPORT_S=$("${PSQL[@]}" -tA -c "SELECT extract(epoch FROM finished_at - created_at) FROM f43_job WHERE status = 'DONE'")

# The same starting state for COPY as the import had: the job's rows deleted (untimed; as a replica, so
# without the foreign-key checks and triggers that make a mass delete slow) and the tables vacuumed, so no
# dead row or index entry is left behind. Then, triggers on, COPY FROM of the same rows in one transaction,
# timed with its commit. The database is the bench's own and is thrown away afterwards.
{
  echo "SET session_replication_role = replica;"
  for ((i = ${#TABLES[@]} - 1; i >= 0; i--)); do t=${TABLES[$i]}; echo "DELETE FROM $t WHERE ${WHERE[$t]};"; done
  # what the import's triggers wrote, so COPY's triggers start from the same point (indicators skip a child already marked)
  echo "DELETE FROM exchange_change WHERE child_id IN (SELECT id FROM bench_ids);"
  echo "DELETE FROM indicator_dirty_child WHERE child_id IN (SELECT id FROM bench_ids);"
  echo "SET session_replication_role = origin;"
  for t in "${TABLES[@]}" exchange_change indicator_dirty_child; do echo "VACUUM (ANALYZE) $t;"; done
  echo "CHECKPOINT;"
  echo "\\timing on"
  echo "BEGIN;"
  for t in "${TABLES[@]}"; do echo "COPY $t (${COLS[$t]}) FROM '$DIR/$t.copy';"; done
  echo "COMMIT;"
  echo "\\timing off"
} > "$DIR/copy.sql"
"${PSQL[@]}" -f "$DIR/copy.sql" | tee "$DIR/copy.out"
COPY_MS=$(awk '/^Time:/ { s += $2 } END { printf "%.0f", s }' "$DIR/copy.out")

awk -v rows="$ROWS" -v imp="$IMPORT_S" -v copy_ms="$COPY_MS" -v n="$N" -v cores="$(nproc)" 'BEGIN {
  ir = rows / imp; cr = rows / (copy_ms / 1000);
  printf "children %d, rows written %d (household, child, enrolment, growth_measurement, immunization, dspm_screening)\n", n, rows;
  printf "import  %.1f s  %.0f rows/s  (%.0f rows/s per core of %d)\n", imp, ir, ir / cores, cores;
  printf "COPY    %.1f s  %.0f rows/s\n", copy_ms / 1000, cr;
  printf "import / COPY = %.0f %%\n", 100 * ir / cr }'
