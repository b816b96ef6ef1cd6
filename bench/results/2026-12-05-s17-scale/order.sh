#!/usr/bin/env bash
# the root office measured first after a start, with and without run.sh's warm start, JVM JIT threads' CPU per window
set -u
cd /work/wt/scale
for ws in ${WS:-0 3}; do
  OUT=/tmp/scale-runs/order-ws$ws; rm -rf $OUT; mkdir -p $OUT
  python3 bench/cpusplit.py sample $OUT /tmp/scale-100k > $OUT/cpusplit-sample.log 2>&1 &
  S=$!
  JAR=/tmp/scale-branch.jar DATA=/tmp/scale-100k PORT=18450 TASKS=100000 SKIP_SQL=1 WARM_START=$ws CLIENT=wrk \
    OPS="q1 q2" DURATION=10 WARMUP=5 START_WAIT=900 APP_OPTS=--db-scheduler.enabled=false OUT=$OUT bash bench/run.sh > $OUT/run.log 2>&1
  sleep 2; kill $S 2>/dev/null; wait $S 2>/dev/null
  python3 bench/cpusplit.py report $OUT > $OUT/cpusplit.md 2>&1
  echo "ws=$ws done $(uptime)"
done
