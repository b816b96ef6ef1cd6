#!/usr/bin/env bash
# profile main's jar: cpusplit + JFR, wrk, q1 q2 q3, all roles
set -euo pipefail
cd /work/wt/ledger
D=/tmp/ledger-100k
OUT=/work/wt/ledger/bench/results/2026-12-05-s18-ledger/base-profile
mkdir -p $OUT
uptime > $OUT/uptime-start.txt
python3 bench/cpusplit.py sample $OUT $D & S=$!
JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/ledger-work/base.jfr,settings=profile,dumponexit=true -XX:FlightRecorderOptions=stackdepth=256" \
 JAR=/tmp/s18-main.jar DATA=$D TASKS=100000 PORT=18501 DURATION=10 WARMUP=5 WARM_START=15 CLIENT=wrk SKIP_SQL=1 \
 APP_OPTS="--db-scheduler.enabled=false" OPS="q1 q2 q3" OUT=$OUT bash bench/run.sh > $OUT/run.log 2>&1 || true
sleep 1; kill $S 2>/dev/null || true
uptime > $OUT/uptime-end.txt
python3 bench/cpusplit.py report $OUT > $OUT/cpusplit.md
