#!/usr/bin/env bash
# s17-due: floor (one client + SQL floor) A then B, alternated CPU/alloc per request, then wrk/python pairs
set -u
cd /work/wt/due
R=bench/results/2026-12-05-s17-due
A=/tmp/s17-main.jar; B=/tmp/due-out/due-1.jar
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres PGPASSWORD=$(sed -n 's/^rectify_owner=//p' /tmp/due-100k/postgres-passwords.properties)
for side in A B; do
  jar=${!side}
  echo "[$(date +%H:%M:%S)] floor $side (load $(cut -d' ' -f1-3 /proc/loadavg))"
  JAR=$jar DATA=/tmp/due-100k PORT=18210 THREADS=1 WARMUP=5 DURATION=10 OPS="due" APP_OPTS="--db-scheduler.enabled=false" OUT=/tmp/due-out/floor-$side bash bench/run.sh > /tmp/due-out/floor-$side.log 2>&1
done
for i in 1 2; do for side in A B; do
  jar=${!side}
  echo "[$(date +%H:%M:%S)] cost $i $side (load $(cut -d' ' -f1-3 /proc/loadavg))"
  /tmp/due-out/app.sh $jar 18211 /tmp/due-out/cost-$i-$side.log >/dev/null
  export PGPORT=$(sed -n 4p /tmp/due-100k/postgres/postmaster.pid)
  BASE=http://127.0.0.1:18211 python3 bench/requestcost.py /tmp/due-out/floor-before/setup.json $(cat /tmp/due-out/app.pid) /tmp/due-100k 1000 "due" | sed "s/^{/{\"run\": \"$i-$side\", /" >> $R/cost.jsonl
  kill $(cat /tmp/due-out/app.pid); sleep 3
done; done
echo "[$(date +%H:%M:%S)] pairs (load $(cut -d' ' -f1-3 /proc/loadavg))"
A=$A B=$B PAIRS=2 DATA=/tmp/due-100k PORT=18212 CLIENT=both OPS="due" SKIP_SQL=1 DURATION=10 WARMUP=5 \
  A_OPTS=--db-scheduler.enabled=false B_OPTS=--db-scheduler.enabled=false OUT=$R/pairs bash bench/pairs.sh > /tmp/due-out/pairs.log 2>&1
echo "[$(date +%H:%M:%S)] done (load $(cut -d' ' -f1-3 /proc/loadavg))"
