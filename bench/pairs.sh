#!/usr/bin/env bash
# Alternated A/B runs of bench/run.sh on one data copy (or one each): A, B, A, B, ... right after each other, so both builds see
# the same load on a shared machine and the same growth of the data (each run adds Q4's reports), then one table of
# every pair and the medians (bench/pairs.py).
#   A=/tmp/before.jar B=target/rectify.jar PAIRS=3 DATA=/tmp/my-copy OUT=bench/results/x bash bench/pairs.sh
# Env: A, B (jars), A_OPTS, B_OPTS (APP_OPTS of each), DATA_A, DATA_B (a copy for each, when a build changes the schema
# or what a write costs: each then runs on its own; default DATA), PAIRS (3), OUT, CPUSPLIT=1 (bench/cpusplit.py samples each run:
# its CPU by process), and run.sh's own (DATA, PORT, CLIENT, OPS, MEASURE_OPTS, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:?OUT: a directory for the runs}; PAIRS=${PAIRS:-3}
mkdir -p "$OUT"
for i in $(seq 1 "$PAIRS"); do
  for side in A B; do
    jar=${!side}; opts_var=${side}_OPTS; data_var=DATA_${side}; data=${!data_var:-${DATA:?DATA: the data copy}}
    echo "[$(date +%H:%M:%S)] pair $i $side: $jar ${!opts_var:-} on $data (load: $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/pairs.log"
    mkdir -p "$OUT/$i-$side"; sampler=; status=0
    if [ "${CPUSPLIT:-0}" = 1 ]; then
      python3 bench/cpusplit.py sample "$OUT/$i-$side" "$data" & sampler=$!
    fi
    JAR=$jar DATA=$data APP_OPTS="${!opts_var:-}" OUT="$OUT/$i-$side" bash bench/run.sh >>"$OUT/pairs.log" 2>&1 || status=$?
    if [ -n "$sampler" ]; then kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; fi
    [ "$status" = 0 ] || exit "$status"
  done
done
python3 bench/pairs.py "$OUT" | tee "$OUT/pairs.md"
