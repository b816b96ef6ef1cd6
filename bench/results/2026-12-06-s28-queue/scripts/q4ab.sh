#!/usr/bin/env bash
# q4ab.sh NAME JAR: a fresh copy of the 100k master, a settled Q4 run (Python, 45 s), cpusplit, and the queues' pages read in 30 s of it
set -u
name=$1; jar=$(realpath "$2"); data=${WORK:-/tmp/q4ab}/d-$name; out=${WORK:-/tmp/q4ab}/$name; mkdir -p $out
rm -rf $data; cp -a /tmp/rectify-bench-100000 $data; rm -f $data/READY
cd "$(dirname "$0")/../../../.."  # the repository
( DATA=$data JAR=$jar OUT=$out OPS=q4 CLIENT=python DURATION=45 SKIP_SQL=1 PORT=${PORT:-18106} bash bench/run.sh > $out/run.log 2>&1 ) &
run=$!
python3 bench/cpusplit.py sample $out $data > $out/cpusplit.out 2>&1 &
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres
export PGPASSWORD=$(sed -n 's/^rectify_owner=//p' $data/postgres-passwords.properties)
# Q: what is read twice in the window (session 30's q4counters.sh reads the database's counters instead)
Q=${Q:-"copy (select now(), relname, heap_blks_hit + heap_blks_read, idx_blks_hit + idx_blks_read, pg_relation_size(relid), (select seq_scan from pg_stat_user_tables t where t.relid = s.relid), (select autovacuum_count from pg_stat_user_tables t where t.relid = s.relid) from pg_statio_user_tables s where relname in ('audit_pending', 'insight_pending')) to stdout"}
while kill -0 $run 2>/dev/null; do
  if grep -q "load (" $out/run.log 2>/dev/null; then
    export PGPORT=$(sed -n 4p $data/postgres/postmaster.pid)
    sleep 10; psql -X -q -c "$Q" > $out/statio0.txt
    sleep 30; psql -X -q -c "$Q" > $out/statio1.txt
    break
  fi
  sleep 1
done
wait $run
python3 bench/cpusplit.py report $out > $out/cpu.md 2>&1
rm -rf $data
echo done > $out/DONE
