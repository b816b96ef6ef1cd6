#!/usr/bin/env bash
# profile.sh JAR TAG: due only, under a flight recording; then jfrsplit per role window
set -u
cd /work/wt/due
JAR=$1; TAG=$2; O=/tmp/due-out/prof-$TAG
rm -rf $O; mkdir -p $O
echo "[$(date +%H:%M:%S)] profile $TAG load $(cut -d' ' -f1-3 /proc/loadavg)"
JAVA_OPTS="-XX:StartFlightRecording=settings=/tmp/due-out/fast.jfc,filename=$O/rec.jfr,dumponexit=true -XX:FlightRecorderOptions=stackdepth=256" \
JAR=$JAR DATA=${PDATA:-/tmp/due-100k} PORT=18500 THREADS=${THREADS:-2} OPS=due DURATION=${DURATION:-25} WARMUP=10 WARM_START=10 SKIP_SQL=1 \
  APP_OPTS=--db-scheduler.enabled=false OUT=$O bash bench/run.sh > $O/run.log 2>&1
echo "[$(date +%H:%M:%S)] done load $(cut -d' ' -f1-3 /proc/loadavg)"
