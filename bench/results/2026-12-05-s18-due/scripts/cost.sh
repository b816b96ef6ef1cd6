#!/usr/bin/env bash
# cost.sh: requestcost A,B,A,B then dueanswers A and B
set -u
cd /work/wt/due
R=/tmp/due-out; A=/tmp/s18-main.jar; B=${B:-/tmp/due-out/due-1.jar}; N=${N:-1000}
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres PGPASSWORD=$(sed -n 's/^rectify_owner=//p' /tmp/due-100k/postgres-passwords.properties)
for i in ${RUNS:-1 2}; do for side in A B; do
  jar=${!side}
  echo "[$(date +%H:%M:%S)] cost $i $side (load $(cut -d' ' -f1-3 /proc/loadavg))"
  $R/app.sh $jar 18411 $R/cost-$i-$side.log >/dev/null || { echo start failed; exit 1; }
  export PGPORT=$(sed -n 4p /tmp/due-100k/postgres/postmaster.pid)
  BASE=http://127.0.0.1:18411 python3 bench/requestcost.py $R/prof-A/setup.json $(cat $R/app.pid) /tmp/due-100k $N "due" | sed "s/^{/{\"run\": \"$i-$side\", \"load\": \"$(cut -d' ' -f1-2 /proc/loadavg)\", /" >> $R/cost.jsonl
  if [ "${ANSWERS:-1}" = 1 ]; then python3 bench/dueanswers.py http://127.0.0.1:18411 bench-pass-2026 $R/answers-$side-$i; fi
  kill $(cat $R/app.pid); while kill -0 $(cat $R/app.pid) 2>/dev/null; do sleep 1; done; sleep 2
done; done
echo "[$(date +%H:%M:%S)] done (load $(cut -d' ' -f1-3 /proc/loadavg))"
