#!/usr/bin/env bash
# Start-up to a working login, two builds alternated on one data directory (session 29): A and B each with their own
# launcher and class-data archive (made by the first start of each, not counted), ROUNDS rounds of one start each,
# with the JVM's threads' CPU at the login (bench/startup.sh THREADS=1).
#   A_JAR=/tmp/main.jar A_START=/tmp/main-checkout/bin/rectify B_JAR=target/rectify.jar B_START=bin/rectify \
#   DATA=/tmp/demo LOGIN=office PASS=rectify-demo ROUNDS=4 OUT=/tmp/ab bash bench/results/2026-12-06-s29-aot/scripts/ab.sh
set -euo pipefail
cd "$(dirname "$0")/../../../.."
: "${A_JAR:?}" "${A_START:?}" "${B_JAR:?}" "${B_START:?}" "${DATA:?}" "${OUT:?}"
mkdir -p "$OUT"
one() { # $1: A or B; $2: the round (0: the archive's training start, not counted)
  local jar start
  if [ "$1" = A ]; then jar=$A_JAR; start=$A_START; else jar=$B_JAR; start=$B_START; fi
  RECTIFY_JAR=$jar RECTIFY_CDS_DIR="$OUT/cds-$1" DATA=$DATA LOGIN=${LOGIN:-office} PASS=${PASS:-rectify-demo} START=$start \
    RUNS=1 THREADS=1 KEEP_LOG="$OUT/$1-$2" bash bench/startup.sh 2>&1 | grep '^run' | sed "s/^run 1/$1 round $2/"
  echo "    $(head -3 "$OUT/$1-$2/run-1.threads" | tr '\t\n' ' ')"
}
one A 0; one B 0
for r in $(seq 1 "${ROUNDS:-4}"); do one A "$r"; one B "$r"; done
