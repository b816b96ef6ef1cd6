#!/usr/bin/env bash
# q4pairs.sh: Q4 alone (bench/run.sh OPS=q4, Python client, 5,000 warm-up submissions on 8 other staff accounts, then
# 8 clients on 8 new accounts: 5 s warm-up + 10 s measured), a fresh copy of the 100k master per run, A then B, PAIRS
# times, CPU by process (bench/cpusplit.py). COUNT=1: instead, PostgreSQL logs every plan it makes
# (log_planner_stats) and plans.py counts them per submission over the whole run (no CPU figures: the log costs).
set -u
cd /work/wt/q4
A=${A:-/tmp/s24-ci.jar}; B=${B:-/tmp/s25-q4-b.jar}; PAIRS=${PAIRS:-2}; COUNT=${COUNT:-0}
OUT=${OUT:-/work/wt/q4/bench/results/2026-12-06-s25-q4/q4pairs}; mkdir -p $OUT; d=/tmp/q4-100k-run
for i in $(seq $PAIRS); do
  for side in A B; do
    jar=${!side}; run=$OUT/$i-$side; [ "$COUNT" = 1 ] && run=$OUT/count-$i-$side
    rm -rf $d; cp -a /tmp/rectify-bench-100000 $d
    if [ "$COUNT" = 1 ]; then
      printf "logging_collector = on\nlog_directory = 'log'\nlog_line_prefix = '%%m [%%p] '\nlog_planner_stats = on\nlog_min_error_statement = log\n" >> $d/postgres/postgresql.conf
    fi
    echo "[$(date +%H:%M:%S)] $i $side $jar (load $(cut -d' ' -f1-3 /proc/loadavg))" >> $OUT/log.txt
    mkdir -p $run; sampler=
    [ "$COUNT" = 1 ] || { python3 bench/cpusplit.py sample $run $d & sampler=$!; }
    JAR=$jar TASKS=100000 DATA=$d PORT=18220 CLIENT=python OPS=q4 DURATION=10 WARMUP=5 SKIP_SQL=1 \
      APP_OPTS=--db-scheduler.enabled=false OUT=$run bash bench/run.sh > $run.log 2>&1
    [ -n "$sampler" ] && { kill $sampler 2>/dev/null; wait $sampler 2>/dev/null; python3 bench/cpusplit.py report $run > $run/cpusplit.txt 2>&1; }
    grep q4 $run/results.md >> $OUT/log.txt
    [ -n "$sampler" ] && tail -3 $run/cpusplit.txt >> $OUT/log.txt
    if [ "$COUNT" = 1 ]; then
      python3 /work/wt/q4/bench/results/2026-12-06-s25-q4/scripts/plans.py $run $d/postgres/log/* > $run/plans.txt 2>&1
      head -3 $run/plans.txt >> $OUT/log.txt
    fi
  done
done
rm -rf $d
echo "[$(date +%H:%M:%S)] done (load $(cut -d' ' -f1-3 /proc/loadavg))" >> $OUT/log.txt
