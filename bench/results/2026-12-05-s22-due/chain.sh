#!/bin/bash
# after cost-ab: the merged jar's cost round (with answers), then one A/B pair under load with both clients
cd /tmp/due-out
while ! grep -q done cost-ab.out; do sleep 5; done
RUNS=1 ANSWERS=1 bash cost.sh m /tmp/due-out/merged.jar > cost-m.out 2>&1
cd /work/wt/due
A=/tmp/due-out/s21-ci.jar B=/tmp/due-out/merged.jar PAIRS=1 DATA=/tmp/due-100k PORT=18620 CLIENT=both OPS=due SKIP_SQL=1 \
  DURATION=10 WARMUP=5 APP_OPTS=--db-scheduler.enabled=false OUT=/tmp/due-out/pairs bash bench/pairs.sh > /tmp/due-out/pairs.out 2>&1
echo chain-done >> /tmp/due-out/pairs.out
