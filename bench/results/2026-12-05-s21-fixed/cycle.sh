#!/usr/bin/env bash
# A B A B: bench/requestcost.py on each jar, one app at a time on /tmp/fixed-100k
cd /work/wt/fixed
SETUP=bench/results/2026-12-05-s21-fixed/pairs-python/1-A/setup.json
OUTF=bench/results/2026-12-05-s21-fixed/requestcost.jsonl
for side in A B A B; do
  jar=$([ $side = A ] && echo /tmp/s20-ci.jar || echo /tmp/fixed-w/b2.jar)
  pid=$(/tmp/fixed-w/startapp.sh $jar 18405 /tmp/fixed-w/app-rc.log) || exit 1
  echo "{\"side\": \"$side\", \"jar\": \"$jar\", \"load\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" >> $OUTF
  BASE=http://127.0.0.1:18405 python3 bench/requestcost.py $SETUP $pid /tmp/fixed-100k ${N:-4000} "q3 q2" | sed "s/^{/{\"side\": \"$side\", /" >> $OUTF
  kill $pid; wait $pid 2>/dev/null; sleep 3
done
