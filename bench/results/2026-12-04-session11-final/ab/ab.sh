#!/bin/bash
# old (a1b1378, session 10's end) vs new (e158111) on the same 100k copy, alternating
cd /work/main
for jar in old new old new; do
  J=/tmp/s10-final.jar; [ $jar = new ] && J=/tmp/s11-final.jar
  date; echo "== $jar"
  JAR=$J TASKS=100000 DATA=/tmp/s10-final-100k DURATION=10 WARMUP=10 SKIP_SQL=1 START_WAIT=3000 APP_OPTS="--db-scheduler.enabled=false" OPS="q1 q2" OUT=/tmp/s11/ab-$jar-$(date +%H%M%S) bash bench/run.sh > /tmp/s11/ab-$jar.log 2>&1; echo rc=$?
done
