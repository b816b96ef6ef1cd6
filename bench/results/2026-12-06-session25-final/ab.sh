#!/usr/bin/env bash
# after the window: Q4 alone A B A B (fresh copy per run), then one reads pair (due, q2) A B on fresh copies
set -u
cd /tmp/ci-clone25
OUT=/tmp/s25/final/ab; mkdir -p $OUT
A=/tmp/s24-ci.jar; B=/tmp/s25-ci.jar
for i in 1; do
  for side in A B; do
    jar=$A; [ $side = B ] && jar=$B
    rm -rf /tmp/q4copy; cp -a /tmp/rectify-bench-100000 /tmp/q4copy
    echo "[$(date +%H:%M:%S)] q4 $i $side $jar (load $(cut -d' ' -f1-3 /proc/loadavg))" >> $OUT/log.txt
    JAR=$jar TASKS=100000 DATA=/tmp/q4copy CLIENT=python OPS=q4 DURATION=10 WARMUP=5 SKIP_SQL=1 \
      APP_OPTS=--db-scheduler.enabled=false OUT=$OUT/q4-$i-$side bash bench/run.sh > $OUT/q4-$i-$side.log 2>&1
    grep q4 $OUT/q4-$i-$side/results.md >> $OUT/log.txt
  done
done
rm -rf /tmp/q4copy /tmp/abA /tmp/abB; cp -a /tmp/rectify-bench-100000 /tmp/abA; cp -a /tmp/rectify-bench-100000 /tmp/abB
echo "[$(date +%H:%M:%S)] reads pair (load $(cut -d' ' -f1-3 /proc/loadavg))" >> $OUT/log.txt
TASKS=100000 A=$A B=$B PAIRS=1 DATA_A=/tmp/abA DATA_B=/tmp/abB OPS="due q2" CLIENT=python DURATION=10 SKIP_SQL=1 WARM_START=15 \
  A_OPTS=--db-scheduler.enabled=false B_OPTS=--db-scheduler.enabled=false OUT=$OUT/reads bash bench/pairs.sh > $OUT/reads.log 2>&1
rm -rf /tmp/abA /tmp/abB
echo "[$(date +%H:%M:%S)] done" >> $OUT/log.txt
