#!/usr/bin/env bash
cd /work/wt/due
echo "[$(date +%H:%M:%S)] cost 3 (load $(cut -d' ' -f1-3 /proc/loadavg))"
RUNS=3 B=/tmp/due-out/due-2.jar bash /tmp/due-out/cost.sh >> /tmp/due-out/cost.log 2>&1
echo "[$(date +%H:%M:%S)] pairs start (load $(cut -d' ' -f1-3 /proc/loadavg))"
A=/tmp/s18-main.jar B=/tmp/due-out/due-2.jar PAIRS=2 DATA=/tmp/due-100k PORT=18412 CLIENT=both OPS="due" SKIP_SQL=1 DURATION=10 WARMUP=5 \
  A_OPTS=--db-scheduler.enabled=false B_OPTS=--db-scheduler.enabled=false OUT=/tmp/due-out/pairs bash bench/pairs.sh > /tmp/due-out/pairs.log 2>&1
echo "[$(date +%H:%M:%S)] pairs done (load $(cut -d' ' -f1-3 /proc/loadavg))"
