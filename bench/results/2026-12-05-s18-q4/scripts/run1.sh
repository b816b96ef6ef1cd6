#!/bin/bash
# $1 name, $2 jar; env CLIENT (python), WARMUP, DURATION, PORT; on /tmp/q4-100k
set -u
NAME=$1; JAR=$2
OUT=/tmp/q4-out/$NAME; rm -rf $OUT; mkdir -p $OUT
cd /work/wt/q4
python3 bench/cpusplit.py sample $OUT /tmp/q4-100k &
S=$!
uptime > $OUT/uptime-start.txt
JAR=$JAR DATA=/tmp/q4-100k TASKS=100000 PORT=${PORT:-18201} DURATION=${DURATION:-20} WARMUP=${WARMUP:-10} SKIP_SQL=1 \
  CLIENT=${CLIENT:-python} APP_OPTS="--db-scheduler.enabled=false ${APP_EXTRA:-}" OPS="q4" OUT=$OUT bash bench/run.sh > $OUT/run.log 2>&1
echo rc=$? >> $OUT/run.log
uptime > $OUT/uptime-end.txt
sleep 1; kill $S 2>/dev/null
python3 bench/cpusplit.py report $OUT > $OUT/cpu.md
cat $OUT/results.md $OUT/cpu.md; cat $OUT/uptime-start.txt $OUT/uptime-end.txt
