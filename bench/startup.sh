#!/usr/bin/env bash
# Start-up to a working login, warm (issue 14): starts `java -jar target/rectify.jar` on an existing data directory
# RUNS times and prints, for each, the seconds from the java command to the first signed-in answer (HTTP Basic on
# /api/tasks?size=1, which runs the password check), and Spring's own "Started ... in" line.
#   DATA=/tmp/rectify-bench-100000 LOGIN=g1-office PASS=bench-pass-2026 bash bench/startup.sh
# Env: DATA (required: a data dir started at least once), LOGIN/PASS (a login of it), PORT (18107), RUNS (3),
#      JAVA_OPTS (extra JVM options, e.g. -XX:TieredStopAtLevel=1), ARGS (extra app options)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATA:?DATA: a data directory the app has started on before}"
LOGIN=${LOGIN:-g1-office}; PASS=${PASS:-bench-pass-2026}; PORT=${PORT:-18107}; RUNS=${RUNS:-3}
for run in $(seq 1 "$RUNS"); do
  LOG=$(mktemp)
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar target/rectify.jar --server.port="$PORT" --rectify.data-dir="$DATA" ${ARGS:-} >"$LOG" 2>&1 &
  APP=$!
  until curl -fs -o /dev/null -u "$LOGIN:$PASS" "http://127.0.0.1:$PORT/api/tasks?size=1"; do
    kill -0 "$APP" 2>/dev/null || { echo "the app stopped: see $LOG" >&2; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s.%N)
  echo "run $run: working login after $(echo "$t1 - $t0" | bc) s; $(grep -o 'Started RectifyApplication in .*' "$LOG"); load $(cut -d' ' -f1 /proc/loadavg)"
  kill "$APP"; wait "$APP" 2>/dev/null || true
  rm -f "$LOG"
done
