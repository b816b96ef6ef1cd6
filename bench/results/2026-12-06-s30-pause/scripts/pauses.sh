#!/usr/bin/env bash
# pauses.sh "100 0 100 0" JAR: settled Q4 runs of one jar (q4counters.sh), alternated between catch-up pauses (ms)
set -u
jar=$(realpath "$2"); i=0
for p in $1; do
  i=$((i+1))
  APP_OPTS="--rectify.catch-up.pause=${p}ms" bash "$(dirname "$0")/q4counters.sh" r$i-p$p "$jar"
done
python3 "$(dirname "$0")/counters.py" "${WORK:-/tmp/q4ab}"
