#!/usr/bin/env bash
# abfresh.sh OUT PAIRS: bench/pairs.sh's alternation (A, B, A, B, ...) with a fresh copy of the 100k master for every
# run (Q4 writes: each build starts from the same data), one copy at a time; CPUSPLIT sampling as pairs.sh; run.sh's
# env passes (A, B, PORT, OPS, CLIENT, DURATION, SKIP_SQL ...). Session 23's s23-q4 script, this session's copy path.
set -euo pipefail
cd /work/wt/q4
OUT=$1; PAIRS=${2:-2}; COPY=/tmp/q4-100k-ab; MASTER=/tmp/rectify-bench-100000
mkdir -p "$OUT"
for i in $(seq 1 "$PAIRS"); do
  for side in A B; do
    jar=${!side}; opts_var=${side}_OPTS
    rm -rf "$COPY"; cp -a "$MASTER" "$COPY"
    echo "[$(date +%H:%M:%S)] pair $i $side: $jar ${!opts_var:-} on a fresh $COPY (load: $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/pairs.log"
    mkdir -p "$OUT/$i-$side"
    python3 bench/cpusplit.py sample "$OUT/$i-$side" "$COPY" & sampler=$!
    status=0
    JAR=$jar DATA=$COPY APP_OPTS="${!opts_var:-}" OUT="$OUT/$i-$side" bash bench/run.sh >>"$OUT/pairs.log" 2>&1 || status=$?
    kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
    [ "$status" = 0 ] || exit "$status"
  done
done
rm -rf "$COPY"
python3 bench/pairs.py "$OUT" | tee "$OUT/pairs.md"
