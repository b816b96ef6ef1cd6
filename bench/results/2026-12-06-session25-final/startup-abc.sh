#!/usr/bin/env bash
# demo start-up: A (main before s25), B (s25), C (s25 without the republication after start), alternated, each on a
# fresh copy of one demo directory made once (its demo loaded, stopped cleanly); two runs per copy, logs kept
set -u
cd /tmp/ci-clone25b
OUT=/tmp/s25r/st; mkdir -p $OUT
if [ ! -f /tmp/s25r/demo-master/READY ]; then
  rm -rf /tmp/s25r/demo-master
  RECTIFY_JAR=/tmp/s25-ci.jar DATA=/tmp/s25r/demo-master LOGIN=office PASS=rectify-demo START=bin/rectify RUNS=1 PORT=18111 \
    bash bench/startup.sh > $OUT/master.txt 2>&1 && touch /tmp/s25r/demo-master/READY
fi
for round in 1 2; do
  for side in A B C; do
    jar=/tmp/s25-ci.jar; args=
    [ $side = A ] && jar=/tmp/s24-ci.jar
    [ $side = C ] && args=--rectify.events.republish-after-start=false
    rm -rf /tmp/s25r/copy; cp -a /tmp/s25r/demo-master /tmp/s25r/copy
    echo "[$(date +%H:%M:%S)] $round $side (load $(cut -d' ' -f1-3 /proc/loadavg))" >> $OUT/log.txt
    RECTIFY_JAR=$jar ARGS="$args" DATA=/tmp/s25r/copy LOGIN=office PASS=rectify-demo START=bin/rectify RUNS=2 PORT=18111 \
      KEEP_LOG=$OUT/$round-$side bash bench/startup.sh > $OUT/$round-$side.txt 2>&1
    sed "s/^/  $side /" $OUT/$round-$side.txt >> $OUT/log.txt
  done
done
rm -rf /tmp/s25r/copy
echo "[$(date +%H:%M:%S)] done" >> $OUT/log.txt
