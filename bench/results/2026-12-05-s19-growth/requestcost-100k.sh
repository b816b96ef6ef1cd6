#!/usr/bin/env bash
# A/B/A/B per-request CPU of Q2 (bench/requestcost.py), each side on a fresh start, the 100k copy
set -u
cd /work/wt/growth
DATA=/tmp/growth-100k; PORT=18404; OUT=/tmp/growth-runs/cost-100k; mkdir -p $OUT
SETUP=/tmp/growth-runs/pairs-100k/1-A/setup.json
for round in 1 2; do
  for side in A B; do
    jar=$([ $side = A ] && echo /tmp/s18-ci.jar || echo /tmp/growth-b.jar)
    java -jar $jar --server.port=$PORT --rectify.data-dir=$DATA > $OUT/app-$round-$side.log 2>&1 &
    app=$!
    for _ in $(seq 1 1200); do
      curl -fs -o /dev/null http://127.0.0.1:$PORT/login && break; sleep 0.5
    done
    echo "[$(date +%T)] $round $side load $(cut -d' ' -f1-3 /proc/loadavg)" >> $OUT/log.txt
    BASE=http://127.0.0.1:$PORT python3 bench/requestcost.py $SETUP $app $DATA ${N:-600} "q1 q2" | sed "s/^/$round $side /" >> $OUT/cost.txt
    kill $app; wait $app
  done
done
