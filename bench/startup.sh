#!/usr/bin/env bash
# Start-up to a working login, warm (issue 14): starts `java -jar target/rectify.jar` on an existing data directory
# RUNS times and prints, for each, the seconds from the java command to a working login: the sign-in page, the form
# sent with its CSRF token (the password check), and the page the login lands on (/ redirects to the dashboard or the
# to-do list) answered 200 for the signed-in user; also the first signed-in API answer (HTTP Basic on
# /api/tasks?size=1, what this script timed up to session 14) and Spring's own "Started ... in" line.
#   DATA=/tmp/rectify-bench-100000 LOGIN=g1-office PASS=bench-pass-2026 bash bench/startup.sh
# Each line also gives the CPU seconds the JVM had used by then (user + system, from /proc), and the embedded
# PostgreSQL's (its postmaster and every process it started): on a shared machine the wall time mostly measures the
# wait for a core, the CPU time much less so.
# Env: DATA (required: a data dir started at least once), LOGIN/PASS (a login of it), PORT (18107), RUNS (3),
#      JAVA_OPTS (extra JVM options, e.g. -XX:TieredStopAtLevel=1), ARGS (extra app options),
#      JAR (target/rectify.jar), START (the start command instead of `java -jar $JAR`, e.g. bin/rectify: the launcher
#      with the class-data archive; it must exec the JVM so that its process id is the JVM's), KEEP_LOG (a directory:
#      each run's application log is kept there as run-N.log, and with THREADS=1 the JVM's threads' CPU at the login
#      as run-N.threads: seconds, thread name; the largest first)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATA:?DATA: a data directory the app has started on before}"
LOGIN=${LOGIN:-g1-office}; PASS=${PASS:-bench-pass-2026}; PORT=${PORT:-18107}; RUNS=${RUNS:-3}
BASE="http://127.0.0.1:$PORT"
# A user's login: the form with its CSRF token, then the landing page, which must answer 200 and not be the sign-in page
form_login() {
  local jar page token
  jar=$(mktemp); page=$(mktemp)
  token=$(curl -fs -c "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//') || true
  if [ -n "$token" ] \
     && curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=$LOGIN" --data-urlencode "password=$PASS" \
          --data-urlencode "_csrf=$token" "$BASE/login" \
     && [ "$(curl -fsL -b "$jar" -c "$jar" -o "$page" -w '%{http_code} %{url_effective}' "$BASE/")" != "" ] \
     && ! grep -q 'name="password"' "$page" && grep -q '</html>' "$page"; then
    rm -f "$jar" "$page"; return 0
  fi
  rm -f "$jar" "$page"; return 1
}
# The embedded PostgreSQL's CPU seconds so far: the postmaster's, its ended children's (reaped: cutime, cstime) and its
# running ones' (the autoprewarm worker's reading of the kept pages, the checkpointer, the app's backends)
pg_cpu() {
  local pm hz; hz=$(getconf CLK_TCK)
  pm=$(head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null) || { echo "?"; return; }
  { sed 's/.*) //' "/proc/$pm/stat" | awk '{print $12 + $13 + $14 + $15}'
    for c in $(cat "/proc/$pm/task/$pm/children" 2>/dev/null); do # a child may end while it is read
      sed 's/.*) //' "/proc/$c/stat" 2>/dev/null | awk '{print $12 + $13}' || true
    done
  } | awk -v hz="$hz" '{s += $1} END {printf "%.1f", s / hz}'
}
for run in $(seq 1 "$RUNS"); do
  # another application on the port would answer for this one
  ! curl -s -o /dev/null "$BASE/login" || { echo "something answers on $BASE already" >&2; exit 1; }
  LOG=$(mktemp)
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  if [ -n "${START:-}" ]; then
    JAVA_OPTS=${JAVA_OPTS:-} $START --server.port="$PORT" --rectify.data-dir="$DATA" ${ARGS:-} >"$LOG" 2>&1 &
  else
    java ${JAVA_OPTS:-} -jar "${JAR:-target/rectify.jar}" --server.port="$PORT" --rectify.data-dir="$DATA" ${ARGS:-} >"$LOG" 2>&1 &
  fi
  APP=$!
  until curl -fs -o /dev/null -u "$LOGIN:$PASS" "$BASE/api/tasks?size=1"; do
    kill -0 "$APP" 2>/dev/null || { echo "the app stopped: see $LOG" >&2; exit 1; }
    sleep 0.1
  done
  tapi=$(date +%s.%N)
  until form_login; do
    kill -0 "$APP" 2>/dev/null || { echo "the app stopped: see $LOG" >&2; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s.%N)
  # utime and stime, fields 14 and 15 of /proc/PID/stat (after the command name in parentheses), in clock ticks
  cpu=$(sed 's/.*) //' "/proc/$APP/stat" | awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($12 + $13) / hz}')
  pgcpu=$(pg_cpu) || pgcpu="?"
  echo "run $run: working login after $(echo "$t1 - $t0" | bc) s (API $(echo "$tapi - $t0" | bc) s), CPU $cpu s, PostgreSQL's $pgcpu s; $(grep -o 'Started RectifyApplication in .*' "$LOG"); load $(cut -d' ' -f1 /proc/loadavg)"
  if [ -n "${THREADS:-}" ] && [ -n "${KEEP_LOG:-}" ]; then
    mkdir -p "$KEEP_LOG"
    for t in /proc/$APP/task/*; do
      awk -v hz="$(getconf CLK_TCK)" -v name="$(cat "$t/comm" 2>/dev/null)" '{sub(/.*\) /, ""); printf "%.2f\t%s\n", ($12 + $13) / hz, name}' "$t/stat"
    done 2>/dev/null | sort -rn >"$KEEP_LOG/run-$run.threads" || true # a thread may end while it is read
  fi
  kill "$APP"; wait "$APP" 2>/dev/null || true
  if [ -n "${KEEP_LOG:-}" ]; then mkdir -p "$KEEP_LOG"; mv "$LOG" "$KEEP_LOG/run-$run.log"; else rm -f "$LOG"; fi
done
