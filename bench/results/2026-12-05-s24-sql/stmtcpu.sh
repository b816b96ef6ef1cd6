#!/usr/bin/env bash
# PostgreSQL backend CPU per execution of one statement file, as pgbench runs it (issue 14, s24-sql):
#   DATA=/tmp/copy MODE=prepared T=10 bash stmtcpu.sh file.sql...
# one client, MODE (prepared: parsed and planned once, as pgjdbc after its threshold; extended: parsed and planned at
# every execution, as pgjdbc before it; simple), the backend's utime+stime from /proc over the run divided by the
# transactions pgbench counted; the load average beside it.
set -euo pipefail
D=${DATA:?DATA}; T=${T:-10}; MODE=${MODE:-prepared}
export PGHOST=localhost PGUSER=postgres PGDATABASE=postgres PGPORT=$(sed -n 4p $D/postgres/postmaster.pid)
export PGPASSWORD=$(sed -n 's/^postgres=//p' $D/postgres-passwords.properties)
for f in "$@"; do
  out=$(mktemp)
  PGOPTIONS="-c log_min_duration_statement=-1" PGAPPNAME=stmtcpu pgbench -n -M "$MODE" -c 1 -T "$T" -f "$f" > "$out" 2>&1 &
  pb=$!
  pid=
  for _ in $(seq 1 50); do
    pid=$(psql -X -At -c "select pid from pg_stat_activity where application_name = 'stmtcpu' limit 1")
    [ -n "$pid" ] && break; sleep 0.1
  done
  sleep 1 # past the first executions (the prepare)
  s0=$(awk '{print $14+$15}' /proc/$pid/stat); t0=$(date +%s.%N)
  # transactions so far are not known: take CPU per second over a window and pgbench's tps over the run
  sleep $((T - 3))
  s1=$(awk '{print $14+$15}' /proc/$pid/stat); t1=$(date +%s.%N)
  wait $pb
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out")
  python3 -c "
cpu=($s1-$s0)/$(getconf CLK_TCK); sec=$t1-$t0
print(f'$f $MODE: {cpu/sec/$tps*1000:.4f} ms backend CPU per execution ({$tps:.0f} tps, backend {cpu/sec*100:.0f} % of a core, load $(cut -d' ' -f1 /proc/loadavg))')"
  rm -f "$out"
done
