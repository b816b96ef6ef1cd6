#!/usr/bin/env bash
# cost.sh TAG JAR...: for each jar in turn (RUNS rounds), start on the due copy, requestcost N due, stop
set -u
cd /work/wt/due
R=/tmp/due-out; N=${N:-1000}; TAG=$1; shift
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres PGPASSWORD=$(sed -n 's/^rectify_owner=//p' /tmp/due-100k/postgres-passwords.properties)
for i in $(seq 1 ${RUNS:-1}); do for jar in "$@"; do
  name=$(basename $jar .jar)
  echo "[$(date +%H:%M:%S)] cost $i $name (load $(cut -d' ' -f1-3 /proc/loadavg))"
  $R/app.sh $jar 18511 $R/cost-$TAG-$i-$name.log >/dev/null || { echo start failed; exit 1; }
  export PGPORT=$(sed -n 4p /tmp/due-100k/postgres/postmaster.pid)
  # a first pass unmeasured: the JIT compiles on a loaded machine for longer than requestcost's own warm-up
  BASE=http://127.0.0.1:18511 python3 bench/requestcost.py $R/prof-A1/setup.json $(cat $R/app.pid) /tmp/due-100k ${WARM:-1000} "due" > /dev/null
  BASE=http://127.0.0.1:18511 python3 bench/requestcost.py $R/prof-A1/setup.json $(cat $R/app.pid) /tmp/due-100k $N "due" | sed "s/^{/{\"run\": \"$i-$name\", /" >> $R/cost-$TAG.jsonl
  if [ "${ANSWERS:-0}" = 1 ]; then python3 bench/dueanswers.py http://127.0.0.1:18511 bench-pass-2026 $R/answers-$name-$i > /dev/null; fi
  kill $(cat $R/app.pid); while kill -0 $(cat $R/app.pid) 2>/dev/null; do sleep 1; done; sleep 1
done; done
echo "[$(date +%H:%M:%S)] done (load $(cut -d' ' -f1-3 /proc/loadavg))"
