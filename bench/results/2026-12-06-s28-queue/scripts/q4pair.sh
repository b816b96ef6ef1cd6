#!/usr/bin/env bash
# Q4 pairs with Redmine: rectify (settled warm-up, fresh 100k copy, CLIENT) then Redmine's Q4, ROUNDS times
set -u
cd "$(dirname "$0")/../../../.."  # the repository
OUT=${OUT:?}; mkdir -p $OUT ${WORK:-/tmp/q4ab}
for r in $(seq 1 ${ROUNDS:-2}); do
  for client in python wrk; do
    rm -rf ${WORK:-/tmp/q4ab}/pc; cp -a /tmp/rectify-bench-100000 ${WORK:-/tmp/q4ab}/pc; rm -f ${WORK:-/tmp/q4ab}/pc/READY
    DATA=${WORK:-/tmp/q4ab}/pc OPS=q4 CLIENT=$client DURATION=10 WARMUP=5 SKIP_SQL=1 PORT=18260 JAR=${JAR:?} \
      OUT=$OUT/r$r-$client APP_OPTS=--db-scheduler.enabled=false bash bench/run.sh > $OUT/r$r-$client.log 2>&1
    rm -f $OUT/r$r-$client/setup.json $OUT/r$r-$client/q4-warm-*.json $OUT/r$r-$client/app.log
  done
  (cd "${REDMINE:-$PWD/../shared/bench/redmine}" && bash server.sh start && SKIP_SQL=1 DURATION=10 WARMUP=5 QUERIES=q4 bash measure.sh && bash server.sh stop-all) > $OUT/r$r-redmine.log 2>&1
  cp "$(ls -d /tmp/redmine-bench/results/*/ | tail -1)results.jsonl" $OUT/r$r-redmine.jsonl
  echo "round $r: $(grep -h '"q4"' $OUT/r$r-python/results.jsonl | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["ops_per_s"])') python, $(grep -h '"q4"' $OUT/r$r-wrk/results.jsonl | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["ops_per_s"])') wrk, Redmine $(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["ops_per_s"])' $OUT/r$r-redmine.jsonl)" | tee -a $OUT/pairs.txt
done
rm -rf ${WORK:-/tmp/q4ab}/pc
