#!/usr/bin/env bash
# Server and client time of one page, one request at a time: WARMUP untimed requests, then N timed ones. Server
# time is Micrometer's http.server.requests timer for the page's URI template, read from /actuator/prometheus
# just before and just after each request (Δsum / Δcount = that request's time, as no other request runs).
#
#   bench/load/page-times.sh USER PAGE URI_TEMPLATE [N] [WARMUP]
#   e.g. bench/load/page-times.sh officer.khonkaen '/assessment/monitoring?area=4001' /assessment/monitoring 20 5
#
#   PORT      Tonkla's HTTP port (default 8080); the demo password is tonkla-demo (PASSWORD to change it)
set -euo pipefail
USER_NAME="$1" PAGE="$2" URI="$3" N="${4:-20}" WARMUP="${5:-5}"
B="http://localhost:${PORT:-8080}"
JAR="$(mktemp)"
trap 'rm -f "$JAR"' EXIT

CSRF=$(curl -s -c "$JAR" "$B/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
curl -s -b "$JAR" -c "$JAR" -o /dev/null -d "username=$USER_NAME&password=${PASSWORD:-tonkla-demo}&_csrf=$CSRF" "$B/login"
code=$(curl -s -b "$JAR" -o /dev/null -w '%{http_code}' "$B$PAGE")
[ "$code" = 200 ] || { echo "GET $PAGE as $USER_NAME: HTTP $code (not signed in, or no access)" >&2; exit 1; }

# Sum and count over every series of the timer for this URI (methods, statuses, outcomes).
timer() {
  curl -s "$B/actuator/prometheus" | awk -v uri="uri=\"$URI\"" '
    index($0, uri) && /^http_server_requests_seconds_sum/ {s += $NF}
    index($0, uri) && /^http_server_requests_seconds_count/ {c += $NF}
    END {printf "%.9f %d\n", s, c}'
}

for _ in $(seq "$WARMUP"); do curl -s -b "$JAR" -o /dev/null "$B$PAGE"; done
server=() client=()
for _ in $(seq "$N"); do
  read -r s0 c0 < <(timer)
  t=$(curl -s -b "$JAR" -o /dev/null -w '%{time_total}' "$B$PAGE")
  read -r s1 c1 < <(timer)
  [ "$c1" -eq $((c0 + 1)) ] || { echo "another request reached $URI during the measurement; run it alone" >&2; exit 1; }
  server+=("$(awk -v a="$s0" -v b="$s1" 'BEGIN {printf "%.1f", (b - a) * 1000}')")
  client+=("$(awk -v t="$t" 'BEGIN {printf "%.1f", t * 1000}')")
done

stats() { # median, p90, p95 (nearest rank) and max of the arguments, in ms
  printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    p = int(0.9 * NR + 0.999999); q = int(0.95 * NR + 0.999999)
    printf "median %.1f ms, p90 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)\n", m, v[p], v[q], v[NR], NR}'
}
echo "== $USER_NAME GET $PAGE (load average $(cut -d' ' -f1 /proc/loadavg))"
echo "server: $(stats "${server[@]}")"
echo "client: $(stats "${client[@]}")"
