#!/usr/bin/env bash
# backend CPU per execution of a prepared statement: cpu.sh N file.sql...
D=${DATA:-/tmp/names-100k}
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres PGPORT=$(sed -n 4p $D/postgres/postmaster.pid)
export PGPASSWORD=$(sed -n 's/^rectify_owner=//p' $D/postgres-passwords.properties)
N=$1; shift
for f in "$@"; do
  sql=$(sed 's/;[[:space:]]*$//' $(dirname "$0")/$f)
  {
    echo "\\o /dev/null"
    echo "prepare q as $sql;"
    for i in $(seq 1 50); do echo "execute q;"; done   # warm
    echo "\\o"
    echo "select 'T0 '||pg_backend_pid();"
    echo "\\! cat /proc/\$(cat /tmp/names-work/bpid)/stat > /tmp/names-work/s0"
    echo "\\o /dev/null"
    for i in $(seq 1 $N); do echo "execute q;"; done
    echo "\\o"
    echo "\\! cat /proc/\$(cat /tmp/names-work/bpid)/stat > /tmp/names-work/s1"
  } > /tmp/names-work/run.psql
  # the backend's pid is learnt first (a separate psql would be another backend): use a coprocess
  coproc PSQL { psql -X -At -q 2>&1; }
  echo "select pg_backend_pid();" >&${PSQL[1]}
  read -r pid <&${PSQL[0]}
  echo $pid > /tmp/names-work/bpid
  cat /tmp/names-work/run.psql >&${PSQL[1]}
  echo "\\q" >&${PSQL[1]}
  cat <&${PSQL[0]} > /dev/null
  wait $PSQL_PID 2>/dev/null
  t0=$(awk '{print $14+$15}' /tmp/names-work/s0); t1=$(awk '{print $14+$15}' /tmp/names-work/s1)
  echo "$f: $(python3 -c "print(round(($t1-$t0)*10/$N, 4))") ms CPU per execution ($N, load $(cut -d' ' -f1 /proc/loadavg))"
done
