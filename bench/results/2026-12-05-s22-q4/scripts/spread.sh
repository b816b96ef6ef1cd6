#!/usr/bin/env bash
# Q4 of one jar after different reads: fresh copy each run; cpusplit + WAL/pending sampler + GC log + compilation log
# usage: spread.sh OUTROOT NAME JAR "OPS"
set -u
cd /work/wt/q4
R=$1; NAME=$2; JAR=$3; OPS=$4; D=/tmp/q4-snap; OUT=$R/$NAME
mkdir -p $OUT
rm -rf $D; cp -a /tmp/rectify-bench-100000 $D
echo "[$(date +%T)] $NAME $JAR ops=$OPS load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a $R/log.txt
python3 bench/cpusplit.py sample $OUT $D & S1=$!
/tmp/q4-exp/walsample.sh $D $OUT/wal.jsonl & S2=$!
[ "${FPI:-0}" = 1 ] && { /tmp/q4-exp/fpi.sh $D $OUT & S3=$!; }
JAVA_OPTS="-Xlog:gc:file=$OUT/gc.log:uptime,time -XX:+PrintCompilation ${XOPTS:-}" PORT=${PORT:-18210} JAR=$JAR DATA=$D OUT=$OUT \
  WARM_START=${WARM_START:-15} DURATION=${DURATION:-10} WARMUP=${WARMUP:-5} CLIENT=python SKIP_SQL=1 \
  APP_OPTS="--db-scheduler.enabled=false" OPS="$OPS" bash bench/run.sh > $OUT/run.out 2>&1
kill $S1 $S2 ${S3:-}; wait $S1 $S2 2>/dev/null
python3 bench/cpusplit.py report $OUT > $OUT/cpusplit.md
echo "[$(date +%T)] $NAME done load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a $R/log.txt
grep q4 $OUT/cpusplit.md | tee -a $R/log.txt
