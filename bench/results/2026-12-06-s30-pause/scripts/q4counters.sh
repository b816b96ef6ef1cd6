#!/usr/bin/env bash
# q4counters.sh NAME JAR: session 28's q4ab.sh (a fresh copy of the 100k master, a settled Q4 run, Python, 45 s, cpusplit), with the
# database's counters (buffers, commits, WAL, full-page images, rows written) read 10 s and 40 s into the measured window
set -u
name=$1; jar=$(realpath "$2"); data=${WORK:-/tmp/q4ab}/d-$name; out=${WORK:-/tmp/q4ab}/$name; mkdir -p $out
rm -rf $data; cp -a /tmp/rectify-bench-100000 $data; rm -f $data/READY
cd "$(dirname "$0")/../../../.."  # the repository
( DATA=$data JAR=$jar OUT=$out OPS=q4 CLIENT=python DURATION=45 SKIP_SQL=1 PORT=${PORT:-18106} bash bench/run.sh > $out/run.log 2>&1 ) &
run=$!
python3 bench/cpusplit.py sample $out $data > $out/cpusplit.out 2>&1 &
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres
export PGPASSWORD=$(sed -n 's/^rectify_owner=//p' $data/postgres-passwords.properties)
Q="copy (select now(), (select sum(blks_hit + blks_read) from pg_stat_database), (select sum(xact_commit) from pg_stat_database), (select wal_bytes from pg_stat_wal), (select wal_fpi from pg_stat_wal), (select sum(tup_inserted + tup_updated + tup_deleted) from pg_stat_database)) to stdout"
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
