#!/usr/bin/env bash
# Alternated A/B runs of bench/run.sh on one data copy: A, B, A, B, ... right after each other, so both builds see
# the same load on a shared machine and the same growth of the data (each run adds Q4's reports), then one table of
# every pair and the medians (bench/pairs.py).
#   A=/tmp/before.jar B=target/rectify.jar PAIRS=3 DATA=/tmp/my-copy OUT=bench/results/x bash bench/pairs.sh
# Env: A, B (jars), A_OPTS, B_OPTS (APP_OPTS of each), PAIRS (3), OUT, and run.sh's own (DATA, PORT, CLIENT, OPS, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:?OUT: a directory for the runs}; PAIRS=${PAIRS:-3}
mkdir -p "$OUT"
for i in $(seq 1 "$PAIRS"); do
  for side in A B; do
    jar=${!side}; opts_var=${side}_OPTS
    echo "[$(date +%H:%M:%S)] pair $i $side: $jar ${!opts_var:-} (load: $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/pairs.log"
    JAR=$jar APP_OPTS="${!opts_var:-}" OUT="$OUT/$i-$side" bash bench/run.sh >>"$OUT/pairs.log" 2>&1
  done
done
python3 bench/pairs.py "$OUT" | tee "$OUT/pairs.md"
