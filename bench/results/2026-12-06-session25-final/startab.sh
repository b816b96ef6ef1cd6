#!/usr/bin/env bash
# demo start-up A B (bin/rectify, RUNS=3 each, a fresh demo data dir each), from the CI clone
set -u
cd /tmp/ci-clone25
OUT=/tmp/s25/final/startup-ab; mkdir -p $OUT
for side in A B; do
  jar=/tmp/s24-ci.jar; [ $side = B ] && jar=/tmp/s25-ci.jar
  rm -rf /tmp/startab-demo
  echo "[$(date +%H:%M:%S)] $side $jar (load $(cut -d' ' -f1-3 /proc/loadavg))" >> $OUT/log.txt
  RECTIFY_JAR=$jar DATA=/tmp/startab-demo LOGIN=office PASS=rectify-demo START=bin/rectify RUNS=3 bash bench/startup.sh > $OUT/demo-$side.txt 2>&1
  grep "^run" $OUT/demo-$side.txt >> $OUT/log.txt
done
rm -rf /tmp/startab-demo
