#!/usr/bin/env bash
# Q4 alone, fresh copy per run: A (main before), B (CI jar), C (B without BlockingSockets), twice
set -u
cd /tmp/ci-clone24
OUT=/tmp/s24/final/q4-abc; mkdir -p $OUT
for i in 1; do
  for side in A B C; do
    case $side in A) jar=/tmp/s24-a.jar;; B) jar=/tmp/s24-ci.jar;; C) jar=/tmp/s24-nosock.jar;; esac
    rm -rf /tmp/q4copy; cp -a /tmp/rectify-bench-100000 /tmp/q4copy
    echo "[$(date +%H:%M:%S)] $i $side $jar (load $(cut -d' ' -f1-3 /proc/loadavg))" >> $OUT/log.txt
    JAR=$jar TASKS=100000 DATA=/tmp/q4copy CLIENT=python OPS=q4 DURATION=10 WARMUP=5 SKIP_SQL=1 \
      APP_OPTS=--db-scheduler.enabled=false OUT=$OUT/$i-$side bash bench/run.sh > $OUT/$i-$side.log 2>&1
    grep q4 $OUT/$i-$side/results.md >> $OUT/log.txt
  done
done
rm -rf /tmp/q4copy
echo "[$(date +%H:%M:%S)] done" >> $OUT/log.txt
# Redmine's second window, right after (its first ran on a machine new to it)
(cd /work/shared/bench/redmine && bash server.sh start && SKIP_SQL=1 DURATION=10 WARMUP=5 bash measure.sh && bash server.sh stop-all) > /tmp/s24/final/redmine-second.log 2>&1
cp "$(ls -d /tmp/redmine-bench/results/*/ | tail -1)results.jsonl" /tmp/s24/final/redmine-second.jsonl
echo "[$(date +%H:%M:%S)] redmine second done" >> $OUT/log.txt
