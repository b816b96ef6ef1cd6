#!/bin/bash
# pairs2.sh OUT PAIRS label:script:jar ... — alternated runs, each on a fresh copy of /tmp/q4-snap, cpusplit beside
cd /work/wt/q4
OUT=$1; PAIRS=$2; shift 2; mkdir -p $OUT
for i in $(seq 1 $PAIRS); do
  for spec in "$@"; do
    IFS=: read label script jar <<< "$spec"
    d=/tmp/q4-run; rm -rf $d; cp -a /tmp/q4-snap $d
    o=$OUT/$i-$label; mkdir -p $o
    echo "[$(date +%H:%M:%S)] pair $i $label $script $jar load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a $OUT/pairs.log
    python3 bench/cpusplit.py sample $o $d & s=$!
    JAR=$jar DATA=$d PORT=${PORT:-18210} OPS=q4 SKIP_SQL=1 WARMUP=${WARMUP:-10} DURATION=${DURATION:-20} CLIENT=${CLIENT:-python} OUT=$o bash $script >> $OUT/pairs.log 2>&1
    kill $s 2>/dev/null; wait $s 2>/dev/null
    python3 bench/cpusplit.py report $o | tail -1 | sed "s/^/$i-$label /" | tee -a $OUT/pairs.log
    echo "[$(date +%H:%M:%S)] end load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a $OUT/pairs.log
    rm -rf $d
  done
done
