#!/usr/bin/env bash
# due3.sh NAME MASTER: a fresh copy, the scheduler off, the kept pages waited for, the due list (county, staff) with
# wrk, 20 s, cpusplit; with JAR=pgss.jar pg_stat_statements reset when the load starts and read at its end
set -u
name=$1; master=$2; ops=${OPS:-due}; out=/tmp/s33/work/$name; data=/tmp/s33/work/$name-data
rm -rf $out $data; mkdir -p $out
cp -a $master $data; rm -f $data/READY
cd /work/main
( DATA=$data JAR=${JAR:-/tmp/s33/main.jar} OUT=$out OPS="$ops" CLIENT=wrk DURATION=20 SKIP_SQL=1 PORT=18106 START_WAIT=900 WARM_START=${WARM_START:-30} APP_OPTS=--db-scheduler.enabled=false bash bench/run.sh > $out/run.log 2>&1 ) &
run=$!
python3 bench/cpusplit.py sample $out $data > $out/cpusplit.out 2>&1 &
if [ -n "${PGSS:-}" ]; then
  until grep -q "warm start" $out/run.log 2>/dev/null; do sleep 1; done
  export PGHOST=localhost PGUSER=postgres PGDATABASE=postgres PGPORT=$(sed -n 4p $data/postgres/postmaster.pid) PGPASSWORD=$(sed -n 's/^postgres=//p' $data/postgres-passwords.properties)
  psql -X -q -c "create extension if not exists pg_stat_statements" -c "alter system set pg_stat_statements.track_planning = on" -c "select pg_reload_conf()" > /dev/null
  until grep -q "load (" $out/run.log; do sleep 0.2; done
  psql -X -q -c "select pg_stat_statements_reset()" > /dev/null
  until [ -s $out/results.jsonl ]; do sleep 0.2; done  # the county's window ended (the staff's warm-up begins)
  psql -X -c "copy (select userid::regrole, calls, rows, total_exec_time, total_plan_time, plans, shared_blks_hit, shared_blks_read, query from pg_stat_statements order by total_exec_time + total_plan_time desc) to stdout with csv header" > $out/pgss.csv
fi
wait $run
python3 bench/cpusplit.py report $out > $out/cpu.md 2>&1
grep -h "kept pages" $out/run.log > $out/readback.txt
rm -rf $data
echo done > $out/DONE
