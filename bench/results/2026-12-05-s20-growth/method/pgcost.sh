#!/usr/bin/env bash
# PostgreSQL CPU per statement (ticks of the data directory's server over pgbench -c1; run from the checkout's root):
#   $1 DATA, $2 mode (simple: planned each time, prepared), $3 transactions, files... (pgbench takes at most 128)
data=$1; mode=$2; tx=$3; shift 3
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres PGPORT=$(sed -n 4p $data/postgres/postmaster.pid) PGPASSWORD=$(sed -n 's/^rectify_owner=//p' $data/postgres-passwords.properties)
args=(); for f in "$@"; do args+=(-f "$f"); done
before=$(python3 -c "import sys; sys.path.insert(0, 'bench'); from proccpu import pg_ticks; print(pg_ticks('$data', ended=True))"); b0=$(psql -X -At -c "select blks_hit||' '||blks_read from pg_stat_database where datname='postgres'")
out=$(pgbench -n -c1 -M $mode -t $tx "${args[@]}" 2>&1 | grep -E "^latency average|^tps" | head -2 | tr '\n' ' ')
after=$(python3 -c "import sys; sys.path.insert(0, 'bench'); from proccpu import pg_ticks; print(pg_ticks('$data', ended=True))"); b1=$(psql -X -At -c "select blks_hit||' '||blks_read from pg_stat_database where datname='postgres'")
set -- $b0 $b1; echo "$(basename $data) $mode tx=$tx pg_cpu_ms_per_tx=$(python3 -c "print(round(($after-$before)*10/$tx,3))") hit_per_tx=$(( ($3-$1)/tx )) read_per_tx=$(python3 -c "print(round(($4-$2)/$tx,2))") $out load=$(cut -d" " -f1 /proc/loadavg)"
