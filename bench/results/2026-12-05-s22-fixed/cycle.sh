#!/usr/bin/env bash
# cycle.sh OUT.jsonl SIDES...: bench/requestcost.py on each jar in turn (A = ${A_JAR:-/tmp/s21-ci.jar}, B = /tmp/fixed-w/b.jar), one
# app at a time on /tmp/fixed-100k, N requests (after N/2 unmeasured) of "q3 q2" per role
cd /work/wt/fixed
OUTF=$1; shift
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres PGPASSWORD=$(sed -n 's/^rectify_owner=//p' /tmp/fixed-100k/postgres-passwords.properties)
for side in "$@"; do
  jar=$([ $side = A ] && echo ${A_JAR:-/tmp/s21-ci.jar} || echo /tmp/fixed-w/b.jar)
  pid=$(bench/results/2026-12-05-s21-fixed/startapp.sh $jar 18405 /tmp/fixed-w/app-rc.log) || exit 1
  export PGPORT=$(sed -n 4p /tmp/fixed-100k/postgres/postmaster.pid)
  [ -f /tmp/fixed-w/setup.json ] || /tmp/fixed-w/setup.sh http://127.0.0.1:18405 /tmp/fixed-w/setup.json
  echo "{\"side\": \"$side\", \"jar\": \"$jar\", \"load\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" >> $OUTF
  BASE=http://127.0.0.1:18405 python3 bench/requestcost.py /tmp/fixed-w/setup.json $pid /tmp/fixed-100k ${N:-4000} "q3 q2" | sed "s/^{/{\"side\": \"$side\", /" >> $OUTF
  echo "{\"side\": \"$side\", \"load_after\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" >> $OUTF
  kill $pid; wait $pid 2>/dev/null; sleep 3
done
