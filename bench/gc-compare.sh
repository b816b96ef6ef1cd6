#!/usr/bin/env bash
# JVM option sets side by side on the same load (issue 14: the p95 tail; README "bench/gc-compare.sh"): for each set
# the app starts on the data copy with those options and a GC log, bench/run.sh runs the reads with wrk (and Q4 with
# the Python client), and bench/gclog.py lines the collections up with each measured window. One table at the end:
# ops/s, p50/p95/p99, GC pauses (count, total, longest, share of the window), time to reach safepoints, heap, and the
# kB allocated per request, with the load average at the set's start (a busy machine moves every figure).
#   DATA=/tmp/my-copy bash bench/gc-compare.sh                   the default sets once each (~10-12 min, 100k data)
#   DATA=/tmp/my-copy ROUNDS=2 SETS="g1 parallel" bash bench/gc-compare.sh      g1, parallel, g1, parallel
#   DATA=/tmp/my-copy SETS=g1 CUSTOM="big=-XX:+UseParallelGC -Xmn1g" bash bench/gc-compare.sh    a set of one's own
# Env: DATA (a copy of a generated province: each run adds submitted reports; never the only copy), TASKS (100000),
#      PORT (18106), JAR (target/rectify.jar), OPS (q1 q2 q4), DURATION (10 s), WARMUP (5 s), ROUNDS (1),
#      SETS (g1 g1-young parallel serial; see OPTIONS below; g1 is what bin/rectify starts with), CUSTOM (name=options), OUT (target/bench/gc-<time>), JAVA_OPTS (added to every set).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATA:?DATA: a copy of a generated province (bench/run.sh generates one; copy it with cp -a)}"
OUT=${OUT:-target/bench/gc-$(date +%Y%m%d-%H%M%S)}; mkdir -p "$OUT"
ROUNDS=${ROUNDS:-1}

# The option sets. g1: what the JVM picks by itself on a server (G1, heap 1/64 to 1/4 of the memory; under this load
# G1 shrank the heap to ~200 MB and collected its young generation every few seconds). The others keep that heap
# ceiling (1/4 of the memory) and change the collector or the young generation's size.
declare -A OPTIONS=(
  [g1]=""
  [g1-young]="-XX:+UseG1GC -Xms1g -Xmn512m"
  [g1-pause]="-XX:+UseG1GC -XX:MaxGCPauseMillis=20"
  # Parallel collects the whole heap when class metadata first passes MetaspaceSize (21 MB; the app has ~100 MB), a
  # 0.5-1.5 s pause each time in the first minutes: the threshold above what the app loads
  [parallel]="-XX:+UseParallelGC -XX:MetaspaceSize=256m"
  [parallel-1g]="-XX:+UseParallelGC -XX:MetaspaceSize=256m -Xms1g"
  [serial]="-XX:+UseSerialGC"
)
SETS=${SETS:-"g1 g1-young parallel serial"}
NAMES=()
for s in $SETS; do
  [ -n "${OPTIONS[$s]+x}" ] || { echo "gc-compare: no option set '$s' (known: ${!OPTIONS[*]})" >&2; exit 2; }
  NAMES+=("$s")
done
if [ -n "${CUSTOM:-}" ]; then # CUSTOM="name=options": one set of one's own, after SETS
  NAMES+=("${CUSTOM%%=*}"); OPTIONS[${CUSTOM%%=*}]=${CUSTOM#*=}
fi

TABLE="$OUT/table.md"
python3 bench/gclog.py /dev/null /dev/null --header >"$TABLE"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${NAMES[@]}"; do
    dir="$OUT/$name-$round"; mkdir -p "$dir"
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    echo "[$(date +%H:%M:%S)] $name (round $round, load $load): ${OPTIONS[$name]:-the JVM defaults}" >&2
    # shellcheck disable=SC2086
    JAVA_OPTS="${JAVA_OPTS:-} ${OPTIONS[$name]} -Xlog:gc,gc+cpu,safepoint:file=$dir/gc.log:time,tags" \
      CLIENT=wrk SKIP_SQL=1 OPS=${OPS:-"q1 q2 q4"} DURATION=${DURATION:-10} WARMUP=${WARMUP:-5} OUT="$dir" \
      APP_OPTS="${APP_OPTS:---db-scheduler.enabled=false}" bash bench/run.sh >"$dir/run.out" 2>&1 \
      || { echo "gc-compare: $name failed, see $dir/run.out" >&2; continue; }
    python3 bench/gclog.py "$dir/gc.log" "$dir/results.jsonl" --label "$name" --load "$load" --json "$OUT/rows.jsonl" \
      | tee -a "$TABLE" >&2
  done
done
echo >&2
cat "$TABLE"
echo "options: $(for n in "${NAMES[@]}"; do printf '%s=[%s] ' "$n" "${OPTIONS[$n]}"; done)" | tee -a "$TABLE"
echo "(results in $OUT)" >&2
