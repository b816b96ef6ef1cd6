#!/usr/bin/env bash
# One measurement window (issue 14): rectify and Redmine on the same quiet machine, right after each other, as the
# closing notes report them. Each step runs on a fresh copy of a warmed benchmark master (never the master itself).
#   JAR=/tmp/ci.jar OUT=bench/results/<date>-<name> bash bench/window.sh
# Steps (STEPS, in this order by default): k100 (100k, both clients, every read and Q4), redmine (Redmine 5.0.4's
# Q1-Q4 right after, ../shared/bench/redmine), q4w (Q4 with wrk on a fresh copy), m1 (1M, wrk; skipped without its
# master), k10 (10k, wrk), startup (bench/startup.sh with bin/rectify on the 100k copy, settled first by
# bench/settle.sh, and on the demo: its first run loads the demo).
# Masters: /tmp/rectify-bench-<tasks> (java -jar JAR generate ... --seed=1, started once, `vacuum analyze`d as the
# owner, then marked by an empty READY file: README, "Three sizes"). Then in OUT: python3 ../../ratios.py > ratios.md; python3 ../../sizes.py > sizes.md.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:?JAR: the build to measure}; OUT=${OUT:?OUT: a results folder}
STEPS=${STEPS:-"k100 redmine q4w m1 k10 startup"}; DURATION=${DURATION:-10}; WARMUP=${WARMUP:-5}
COPY=${COPY:-/tmp/window}; REDMINE=$(cd "${REDMINE:-../shared/bench/redmine}" && pwd) # Redmine's harness, beside the repo
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
log() { echo "[$(date +%H:%M:%S)] $* (load $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/log.txt"; }
fresh() { rm -rf "$COPY"; cp -a "/tmp/rectify-bench-$1" "$COPY"; rm -f "$COPY/READY"; }
run() { # $1 tasks, $2 label, $3 client, $4 ops; rest: env
  local tasks=$1 label=$2 client=$3 ops=$4 dir=$OUT/run-$2; shift 4
  fresh "$tasks"
  env "$@" JAR="$JAR" TASKS="$tasks" DATA="$COPY" CLIENT="$client" OPS="$ops" DURATION="$DURATION" WARMUP="$WARMUP" \
    WARM_START=15 SKIP_SQL=1 APP_OPTS=--db-scheduler.enabled=false OUT="$dir" bash bench/run.sh >"$dir.log" 2>&1
  cp "$dir/data.txt" "$OUT/data-$label.txt"; [ -f "$dir/pagerows.md" ] && cp "$dir/pagerows.md" "$OUT/pagerows-$label.md"
  cp "$dir/machine.txt" "$OUT/machine.txt"
}
for step in $STEPS; do
  log "$step"
  case $step in
    k100) run 100000 100k both "q1 q2 q3 insight task due q4"
          cp "$OUT/run-100k/results.jsonl" "$OUT/results-100k.jsonl"
          grep '"client": "wrk"' "$OUT/results-100k.jsonl" >"$OUT/results-100k-wrk.jsonl" || true ;;
    redmine) (cd "$REDMINE" && bash server.sh start && SKIP_SQL=1 DURATION=$DURATION WARMUP=$WARMUP bash measure.sh \
                && bash server.sh stop-all) >"$OUT/redmine.log" 2>&1
          cp "$(ls -d /tmp/redmine-bench/results/*/ | tail -1)results.jsonl" "$OUT/redmine.jsonl" ;;
    q4w)  run 100000 100k-q4 wrk q4; cp "$OUT/run-100k-q4/results.jsonl" "$OUT/results-100k-q4-wrk.jsonl" ;;
    m1)   [ -f /tmp/rectify-bench-1000000/READY ] || { log "no warmed 1M master (its READY file): skipped"; continue; }
          run 1000000 1m wrk "q1 q2 q3 insight task due" START_WAIT=900; cp "$OUT/run-1m/results.jsonl" "$OUT/results-1m.jsonl" ;;
    k10)  run 10000 10k wrk "q1 q2 q3 insight task due"; cp "$OUT/run-10k/results.jsonl" "$OUT/results-10k.jsonl" ;;
    startup) fresh 100000; JAR=$JAR bash bench/settle.sh "$COPY" >>"$OUT/log.txt" 2>&1 # ordinary starts after it
          RECTIFY_JAR=$JAR DATA=$COPY START=bin/rectify RUNS=3 bash bench/startup.sh >"$OUT/startup-100k.txt" 2>&1 || log "startup 100k failed"
          rm -rf "$COPY-demo"; mkdir -p "$COPY-demo"
          RECTIFY_JAR=$JAR DATA=$COPY-demo LOGIN=office PASS=rectify-demo START=bin/rectify RUNS=3 bash bench/startup.sh \
            >"$OUT/startup-demo.txt" 2>&1 || log "startup demo failed" ;;
  esac
done
rm -rf "$COPY" "$COPY-demo"
log "done"
