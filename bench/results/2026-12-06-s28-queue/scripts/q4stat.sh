#!/usr/bin/env bash
# q4stat.sh NAME: a settled Q4 run on the pg_stat_statements jar; stats reset 10 s into the measured window, read 30 s later
set -u
name=$1; data=${WORK:-/tmp/q4ab}/$name; out=${WORK:-/tmp/q4ab}/$name-out; mkdir -p $out
cd "$(dirname "$0")/../../../.."  # the repository
( DATA=$data JAR=${PGSS_JAR:?a jar whose EmbeddedDatabaseServer preloads pg_stat_statements} OUT=$out OPS=q4 CLIENT=python DURATION=45 SKIP_SQL=1 bash bench/run.sh > $out/run.log 2>&1 ) &
run=$!
python3 bench/cpusplit.py sample $out $data > $out/cpusplit.out 2>&1 &
export PGHOST=localhost PGUSER=postgres PGDATABASE=postgres
export PGPASSWORD=$(sed -n 's/^postgres=//p' $data/postgres-passwords.properties)
for i in $(seq 900); do grep -q "warm-up, unmeasured, q4-warm-01" $out/run.log 2>/dev/null && break; sleep 1; done
export PGPORT=$(sed -n 4p $data/postgres/postmaster.pid)
psql -X -q -c "create extension if not exists pg_stat_statements" -c "alter system set pg_stat_statements.track = 'all'" -c "alter system set pg_stat_statements.track_planning = on" -c "select pg_reload_conf()"
while kill -0 $run 2>/dev/null; do
  if grep -q "load (" $out/run.log 2>/dev/null; then
    sleep 10
    psql -X -q -c "select pg_stat_statements_reset()" -c "select pg_stat_reset()" > /dev/null
    date +%s.%N > $out/t0
    sleep 30
    date +%s.%N > $out/t1
    psql -X -c "copy (select userid::regrole, toplevel, calls, rows, total_exec_time, total_plan_time, plans, shared_blks_hit, shared_blks_read, shared_blks_dirtied, shared_blks_written, wal_records, wal_fpi, wal_bytes, query from pg_stat_statements order by total_exec_time + total_plan_time desc) to stdout with csv header" > $out/pgss.csv
    psql -X -c "copy (select relname, seq_scan, seq_tup_read, idx_scan, idx_tup_fetch, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, n_live_tup, n_dead_tup from pg_stat_user_tables order by seq_tup_read + coalesce(idx_tup_fetch,0) desc) to stdout with csv header" > $out/tables.csv
    psql -X -c "copy (select * from pg_stat_wal) to stdout with csv header" > $out/wal.csv
    break
  fi
  sleep 1
done
wait $run
python3 bench/cpusplit.py report $out > $out/cpu.md 2>&1
echo done > $out/DONE
