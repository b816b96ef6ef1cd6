#!/usr/bin/env bash
# due.sh NAME DATA: the due list (county, staff) with wrk, 20 s, cpusplit
set -u
name=$1; data=$2; out=${WORK:-/tmp/q4ab}/$name; mkdir -p $out
cd "$(dirname "$0")/../../../.."  # the repository
( DATA=$data JAR=${JAR:?} OUT=$out OPS=due CLIENT=wrk DURATION=20 SKIP_SQL=1 PORT=18106 START_WAIT=900 WARM_START=${WARM_START:-3} bash bench/run.sh > $out/run.log 2>&1 ) &
run=$!
python3 bench/cpusplit.py sample $out $data > $out/cpusplit.out 2>&1 &
wait $run
python3 bench/cpusplit.py report $out > $out/cpu.md 2>&1
echo done > $out/DONE
