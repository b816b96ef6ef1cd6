#!/usr/bin/env bash
# Start-up after a stop that left a province's morning reminders outstanding (issue 14; session 24's 70.8 s run):
# each build starts on a fresh copy of MASTER, a 100k copy whose 19,960 ReminderDue publications (the daily reminders
# of one morning) were set back to outstanding, as the benchmark's kill during the reminders' burst left them; prints
# bench/startup.sh's line (RUNS=1, bin/rectify with the build's own archive) and the publications still outstanding
# after the stop. Builds alternate in ORDER; jars /tmp/s25-start-<build>.jar, archives /tmp/s25-start-cds-<build>.
#   ORDER="a b b a" bash bench/results/2026-12-06-s25-start/outstanding-pairs.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
OUT=bench/results/2026-12-06-s25-start
MASTER=${MASTER:-/tmp/start-100k-outstanding}; COPY=/tmp/start-100k-pair; PORT=${PORT:-18302}
for build in ${ORDER:-a b}; do
  rm -rf "$COPY"; cp -a "$MASTER" "$COPY"
  line=$(RECTIFY_JAR=/tmp/s25-start-$build.jar RECTIFY_CDS_DIR=/tmp/s25-start-cds-$build DATA=$COPY START=bin/rectify \
         RUNS=1 PORT=$PORT KEEP_LOG=/tmp/s25-start-logs/pair-$build-$(date +%H%M%S) bash bench/startup.sh)
  echo "$(date +%H:%M:%S) $build $line" | tee -a "$OUT/outstanding-pairs.txt"
done
rm -rf "$COPY"
