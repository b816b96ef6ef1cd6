#!/usr/bin/env bash
# due2.sh NAME MASTER KEPT_WAIT [OPS]: a fresh copy of MASTER, the due list (county, staff) with wrk, 20 s, cpusplit;
# KEPT_WAIT=0 measures as before session 33 (without waiting for the kept pages' reading)
set -u
name=$1; master=$2; kw=$3; ops=${4:-due}; out=/tmp/s33/work/$name; data=/tmp/s33/work/$name-data
rm -rf $out $data; mkdir -p $out
cp -a $master $data; rm -f $data/READY
cd /work/main
( DATA=$data JAR=${JAR:-/tmp/s33/main.jar} OUT=$out OPS="$ops" CLIENT=wrk DURATION=20 SKIP_SQL=1 PORT=18106 START_WAIT=900 WARM_START=${WARM_START:-30} KEPT_WAIT=$kw bash bench/run.sh > $out/run.log 2>&1 ) &
run=$!
python3 bench/cpusplit.py sample $out $data > $out/cpusplit.out 2>&1 &
wait $run
python3 bench/cpusplit.py report $out > $out/cpu.md 2>&1
grep -h "read back after the start" $out/app.log | cut -c1-200 > $out/readback.txt
python3 - $out <<'PY' >> $out/readback.txt
import json,sys,re,datetime
out=sys.argv[1]
for l in open(f'{out}/results.jsonl'):
    w=json.loads(l); print(w['role'], w['query'], datetime.datetime.utcfromtimestamp(w['start_epoch']).strftime('%H:%M:%S'), '-', datetime.datetime.utcfromtimestamp(w['end_epoch']).strftime('%H:%M:%S'))
PY
rm -rf $data
echo done > $out/DONE
