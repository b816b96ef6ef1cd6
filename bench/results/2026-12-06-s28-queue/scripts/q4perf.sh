#!/usr/bin/env bash
# q4perf.sh NAME DATA JAR: a settled Q4 run with a 20 s system-wide perf sample inside the measured window
set -u
name=$1; data=$2; jar=$(realpath "$3"); out=${WORK:-/tmp/q4ab}/$name; mkdir -p $out
cd "$(dirname "$0")/../../../.."  # the repository
( DATA=$data JAR=$jar OUT=$out OPS=q4 CLIENT=python DURATION=45 SKIP_SQL=1 PORT=${PORT:-18106} bash bench/run.sh > $out/run.log 2>&1 ) &
run=$!
python3 bench/cpusplit.py sample $out $data > $out/cpusplit.out 2>&1 &
while kill -0 $run 2>/dev/null; do
  if grep -q "load (" $out/run.log 2>/dev/null; then
    sleep 12
    perf record -a -F 499 -o $out/perf.data -- sleep 20 > $out/perf.out 2>&1
    break
  fi
  sleep 1
done
wait $run
python3 bench/cpusplit.py report $out > $out/cpu.md 2>&1
echo done > $out/DONE
