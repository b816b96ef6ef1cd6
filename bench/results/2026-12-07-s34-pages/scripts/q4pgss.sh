#!/usr/bin/env bash
# q4pgss.sh NAME JAR: a fresh copy of the 100k master, a settled Q4 run (Python, 45 s), cpusplit, pg_stat_statements
# (the jar must preload it) reset when the load starts and read when it ends
set -u
name=$1; jar=$(realpath "$2"); data=/tmp/s34/work/d-$name; out=/tmp/s34/work/$name
rm -rf $data $out; mkdir -p $out; cp -a /tmp/rectify-bench-100000 $data; rm -f $data/READY
cd /work/main
( DATA=$data JAR=$jar OUT=$out OPS=q4 CLIENT=python DURATION=45 SKIP_SQL=1 PORT=18106 bash bench/run.sh > $out/run.log 2>&1 ) &
run=$!
python3 bench/cpusplit.py sample $out $data > $out/cpusplit.out 2>&1 &
until grep -q "Q4 warm-up\|warm start\|load (" $out/run.log 2>/dev/null; do sleep 1; done
export PGHOST=localhost PGUSER=postgres PGDATABASE=postgres PGPORT=$(sed -n 4p $data/postgres/postmaster.pid) PGPASSWORD=$(sed -n 's/^postgres=//p' $data/postgres-passwords.properties)
psql -X -q -c "create extension if not exists pg_stat_statements" -c "alter system set pg_stat_statements.track_planning = on" -c "select pg_reload_conf()" > /dev/null
until grep -q "load (" $out/run.log; do sleep 0.2; done
psql -X -q -c "select pg_stat_statements_reset()" -c "select pg_stat_reset()" > /dev/null
until [ -s $out/results.jsonl ]; do sleep 0.2; done
psql -X -c "copy (select userid::regrole, calls, rows, total_exec_time, total_plan_time, plans, shared_blks_hit, shared_blks_read, shared_blks_dirtied, shared_blks_written, wal_records, wal_bytes, query from pg_stat_statements order by total_exec_time + total_plan_time desc) to stdout with csv header" > $out/pgss.csv
psql -X -c "select sum(xact_commit) commits, sum(xact_rollback) rollbacks from pg_stat_database" > $out/xact.txt
wait $run
python3 bench/cpusplit.py report $out > $out/cpu.md 2>&1
rm -rf $data
echo done > $out/DONE
