#!/usr/bin/env bash
# Starts a copy of a benchmark master once and stops it when its day's jobs and their events are done, so that the
# starts measured after it are ordinary ones (issue 14, s26-start: a copy's first start of the day sends the day's
# reminders, 19,960 at 100k, and a start stopped during them leaves their events to the next starts).
#   JAR=target/rectify.jar bash bench/settle.sh DIR [PORT]
set -u
DIR=${1:?DIR: a data directory (a copy, never a master)}; PORT=${2:-18397}; JAR=${JAR:-target/rectify.jar}
LOG=$DIR.settle.log
java -jar "$JAR" --server.port="$PORT" --rectify.data-dir="$DIR" >"$LOG" 2>&1 &
APP=$!
outstanding=?; started=0
for _ in $(seq 1 240); do
  sleep 5
  grep -q "Started RectifyApplication" "$LOG" || continue
  started=$((started + 5))
  PGPORT=$(sed -n 4p "$DIR/postgres/postmaster.pid")
  outstanding=$(PGPASSWORD=$(sed -n 's/^postgres=//p' "$DIR/postgres-passwords.properties") psql -X -h 127.0.0.1 \
    -p "$PGPORT" -U postgres -d postgres -Atc "select count(*) from event_publication where completion_date is null" 2>/dev/null)
  # the day's reminders sent (or a minute without them: the day's jobs had run) and no event outstanding
  { grep -q "Daily reminders" "$LOG" || [ "$started" -ge 60 ]; } && [ "$outstanding" = 0 ] && break
done
echo "settled: $outstanding outstanding events at $(date +%H:%M:%S)"
kill "$APP"; wait "$APP" || true # a stopped JVM answers 143: not a failure of the settling
