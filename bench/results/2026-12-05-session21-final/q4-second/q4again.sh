#!/usr/bin/env bash
# a second Q4 window: Redmine's Q4, then rectify's Q4 (both clients, warm JVM) on a fresh copy
set -u
R=/tmp/s21/q4again; mkdir -p $R
log() { echo "[$(date +%H:%M:%S)] $* (load $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a $R/log.txt; }
log redmine; ( cd /work/shared/bench/redmine && bash server.sh start && SKIP_SQL=1 DURATION=20 WARMUP=5 QUERIES="q4" bash measure.sh; bash server.sh stop-all ) > $R/redmine.out 2>&1
rm -rf /tmp/s21-q4again-100k; cp -a /tmp/rectify-bench-100000 /tmp/s21-q4again-100k; log q4
WARM_START=15 JAR=/tmp/s21-ci.jar TASKS=100000 DATA=/tmp/s21-q4again-100k DURATION=10 WARMUP=5 CLIENT=both SKIP_SQL=1 OUT=$R/100k \
  APP_OPTS="--db-scheduler.enabled=false" OPS="q4" bash bench/run.sh > $R/100k.out 2>&1
rm -rf /tmp/s21-q4again-100k; log done
