#!/usr/bin/env bash
# ab.sh "a b b a" A_JAR B_JAR: settled Q4 runs of two jars in the order given (session 30's q4counters.sh: a fresh copy
# of the 100k master each, Python, 45 s, cpusplit and the database's counters), then counters.py over them
set -u
a=$(realpath "$2"); b=$(realpath "$3"); i=0
for x in $1; do
  i=$((i+1))
  jar=$a; [ "$x" = b ] && jar=$b
  bash "$(dirname "$0")/../../2026-12-06-s30-pause/scripts/q4counters.sh" r$i-$x "$jar"
done
python3 "$(dirname "$0")/../../2026-12-06-s30-pause/scripts/counters.py" "${WORK:-/tmp/q4ab}"
