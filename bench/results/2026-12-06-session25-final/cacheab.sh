#!/usr/bin/env bash
# this build with the driver's old statement cache (256) A, with its own (1,024) B: Q2 of every role, fresh copies
set -u
cd /tmp/ci-clone25
rm -rf /tmp/abA /tmp/abB; cp -a /tmp/rectify-bench-100000 /tmp/abA; cp -a /tmp/rectify-bench-100000 /tmp/abB
TASKS=100000 A=/tmp/s25-ci.jar B=/tmp/s25-ci.jar PAIRS=1 DATA_A=/tmp/abA DATA_B=/tmp/abB OPS="q2" CLIENT=python DURATION=10 SKIP_SQL=1 WARM_START=15 \
  A_OPTS="--db-scheduler.enabled=false --spring.datasource.hikari.data-source-properties.preparedStatementCacheQueries=256" \
  B_OPTS=--db-scheduler.enabled=false OUT=/tmp/s25/final/cache-ab bash bench/pairs.sh > /tmp/s25/final/cache-ab.log 2>&1
rm -rf /tmp/abA /tmp/abB
