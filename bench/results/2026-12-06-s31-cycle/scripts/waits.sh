#!/usr/bin/env bash
# waits.sh NAME JAR: session 28's q4ab.sh (a fresh copy of the 100k master, a settled Q4 run, Python, 45 s, cpusplit)
# sampling what PostgreSQL's client backends wait on, every 50 ms through 30 s of the window (one psql, each sample its
# own transaction: pg_stat_activity is read anew), counted by wait event in $WORK/NAME/waits.txt
set -u
name=$1; out=${WORK:-/tmp/q4ab}/$name
SAMPLE="select coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, '-') from pg_stat_activity
  where backend_type = 'client backend' and state = 'active' and pid <> pg_backend_pid();"
( for _ in $(seq 600); do echo "$SAMPLE"; echo '\! sleep 0.05'; done ) > /tmp/waits-$name.sql
Q="copy (select now()) to stdout" bash "$(dirname "$0")/../../2026-12-06-s28-queue/scripts/q4ab.sh" "$name" "$2" &
run=$!
data=${WORK:-/tmp/q4ab}/d-$name
for _ in $(seq 900); do grep -q "load (" $out/run.log 2>/dev/null && break; sleep 1; done
sleep 5
PGHOST=localhost PGUSER=postgres PGDATABASE=postgres PGPASSWORD=$(sed -n 's/^postgres=//p' $data/postgres-passwords.properties) \
  PGPORT=$(sed -n 4p $data/postgres/postmaster.pid) psql -X -At -f /tmp/waits-$name.sql 2>/dev/null | grep -v '^$' \
  | sort | uniq -c | sort -rn > $out/waits.txt
wait $run
