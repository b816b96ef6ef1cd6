#!/usr/bin/env bash
# Start-up to a working login, sides alternated, each run on a fresh copy of a master: demo (/tmp/start-demo-master:
# the demo loaded and stopped), 100k (/tmp/start-100k-settled: a copy of the 100k master started once until its daily
# jobs and their events were done, then stopped), 100k-master (the 100k master itself: its first start today runs the
# day's 19,960 reminders). SIDES="A:jar:cdsdir B:jar:cdsdir", DATASETS="demo 100k", ROUNDS (2); logs kept
# under OUT/<round>-<side>-<data>/ for phases.py. Each jar's class-data archive lives in its own directory.
set -u
cd "$(dirname "$0")/../../.."
OUT=${OUT:?}; ROUNDS=${ROUNDS:-2}; DATASETS=${DATASETS:-"demo 100k"}; PORT=${PORT:-18310}
mkdir -p "$OUT"
for round in $(seq 1 "$ROUNDS"); do
  for data in $DATASETS; do
    for side in $SIDES; do
      name=${side%%:*}; rest=${side#*:}; jar=${rest%%:*}; cds=${rest#*:}
      master=/tmp/start-demo-master; login=office; pass=rectify-demo
      [ "$data" = 100k ] && { master=/tmp/start-100k-settled; login=g1-office; pass=bench-pass-2026; }
      [ "$data" = 100k-master ] && { master=/tmp/rectify-bench-100000; login=g1-office; pass=bench-pass-2026; }
      copy=/tmp/start-copy-$round-$name-$data # a path per run: a stopping run's server never meets the next one's
      rm -rf "$copy"; cp -a "$master" "$copy"
      echo "[$(date +%H:%M:%S)] $round $name $data (load $(cut -d' ' -f1-3 /proc/loadavg))" >> "$OUT/log.txt"
      RECTIFY_JAR=$jar RECTIFY_CDS_DIR=$cds DATA=$copy LOGIN=$login PASS=$pass START=bin/rectify RUNS=${RUNS:-1} \
        PORT=$PORT ARGS="--logging.level.io.zonky.test.db.postgres.embedded=INFO ${ARGS:-}" \
        KEEP_LOG="$OUT/$round-$name-$data" bash bench/startup.sh > "$OUT/$round-$name-$data.txt" 2>&1
      sed "s/^/  $name $data /" "$OUT/$round-$name-$data.txt" >> "$OUT/log.txt"
      rm -rf "$copy"
    done
  done
done
echo "[$(date +%H:%M:%S)] done" >> "$OUT/log.txt"
