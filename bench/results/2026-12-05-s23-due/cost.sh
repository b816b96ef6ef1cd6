#!/usr/bin/env bash
# cost.sh TAG JAR...: for each jar in turn (RUNS rounds), start on the due copy, WARM unmeasured then requestcost N due,
# shared buffers hit per request (pg_stat_database blks_hit around the measured requests), answers (ANSWERS=1), stop
# $R/app.sh: session 19's bench/results/2026-12-05-s19-due/scripts/app.sh, copied there; the pattern of s20-due's cost.sh, with buffers per request
set -u
cd /work/wt/due
R=/tmp/due-out; N=${N:-1000}; TAG=$1; shift; PORT=18614
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres PGPASSWORD=$(sed -n 's/^rectify_owner=//p' /tmp/due-100k/postgres-passwords.properties)
for i in $(seq 1 ${RUNS:-1}); do for jar in "$@"; do
  name=$(basename $jar .jar)
  echo "[$(date +%H:%M:%S)] cost $i $name (load $(cut -d' ' -f1-3 /proc/loadavg))"
  PIDFILE=$R/app.pid $R/app.sh $jar $PORT $R/cost-$TAG-$i-$name.log >/dev/null || { echo start failed; exit 1; }
  export PGPORT=$(sed -n 4p /tmp/due-100k/postgres/postmaster.pid)
  BASE=http://127.0.0.1:$PORT python3 bench/requestcost.py $R/setup/setup.json $(cat $R/app.pid) /tmp/due-100k ${WARM:-1000} "due" > /dev/null
  for role in county-office unit-staff; do
    sleep 1; b0=$(psql -X -Atc "select blks_hit from pg_stat_database where datname='postgres'")
    python3 $R/drive.py $R/setup/setup.json http://127.0.0.1:$PORT 0 500 $role > /dev/null
    sleep 1; b1=$(psql -X -Atc "select blks_hit from pg_stat_database where datname='postgres'")
    echo "{\"run\": \"$i-$name\", \"role\": \"$role\", \"blks_hit_per_request\": $(( (b1 - b0) / 500 ))}" >> $R/cost-$TAG.jsonl
  done
  BASE=http://127.0.0.1:$PORT python3 bench/requestcost.py $R/setup/setup.json $(cat $R/app.pid) /tmp/due-100k $N "due" | sed "s/^{/{\"run\": \"$i-$name\", /" >> $R/cost-$TAG.jsonl
  if [ "${ANSWERS:-0}" = 1 ]; then python3 bench/dueanswers.py http://127.0.0.1:$PORT bench-pass-2026 $R/answers-$name-$i > /dev/null; fi
  kill $(cat $R/app.pid); while kill -0 $(cat $R/app.pid) 2>/dev/null; do sleep 1; done; sleep 1
done; done
echo "[$(date +%H:%M:%S)] done (load $(cut -d' ' -f1-3 /proc/loadavg))"
