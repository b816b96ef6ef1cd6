#!/usr/bin/env bash
# Q2 rounds with Redmine: rectify's Q2 for every role (fresh 100k copy, both clients) measured after the kept pages were
# read back (bench/run.sh's wait, session 33) and, on another fresh copy, beside their reading (KEPT_WAIT=0, as before);
# then Redmine's Q2; ROUNDS times
set -u
cd "$(dirname "$0")/../../../.."  # the repository
OUT=${OUT:?}; W=${WORK:-/tmp/s33/work}; mkdir -p $OUT $W
for r in $(seq 1 ${ROUNDS:-2}); do
  for kw in 900 0; do
    name=r$r-$([ $kw = 0 ] && echo beside || echo after)
    rm -rf $W/pc; cp -a /tmp/rectify-bench-100000 $W/pc; rm -f $W/pc/READY
    DATA=$W/pc OPS=q2 CLIENT=both DURATION=10 WARMUP=5 WARM_START=15 SKIP_SQL=1 PORT=18260 JAR=${JAR:?} KEPT_WAIT=$kw \
      OUT=$OUT/$name APP_OPTS=--db-scheduler.enabled=false bash bench/run.sh > $OUT/$name.log 2>&1
    rm -f $OUT/$name/setup.json $OUT/$name/app.log
  done
  (cd "${REDMINE:-$PWD/../shared/bench/redmine}" && bash server.sh start && SKIP_SQL=1 DURATION=10 WARMUP=5 QUERIES=q2 bash measure.sh && bash server.sh stop-all) > $OUT/r$r-redmine.log 2>&1
  cp "$(ls -d /tmp/redmine-bench/results/*/ | tail -1)results.jsonl" $OUT/r$r-redmine.jsonl
done
rm -rf $W/pc
