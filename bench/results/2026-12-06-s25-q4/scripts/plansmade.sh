#!/usr/bin/env bash
# plansmade.sh NAME PORT DATA JVMPID [N]: plans PostgreSQL makes per catch-up submission, by statement: on a running
# app (warmed by WARM (600) catch-up submissions first), N (200) more one at a time with log_planner_stats (a
# "PLANNER STATISTICS" entry each time the planner runs) and every statement's steps logged; planned.py attributes each
# plan to the next bind or statement of its backend.
set -euo pipefail
name=$1; port=$2; d=$3; app=$4; N=${5:-200}; WARM=${WARM:-600}
R=${R:-/work/wt/q4/bench/results/2026-12-06-s25-q4/statements}; S=$(cd "$(dirname "$0")" && pwd)
export PGHOST=localhost PGUSER=postgres PGDATABASE=postgres PGPORT=$(sed -n 4p $d/postgres/postmaster.pid)
export PGPASSWORD=$(sed -n 's/^postgres=//p' $d/postgres-passwords.properties)
grep -q logging_collector $d/postgres/postgresql.auto.conf 2>/dev/null || true
cd /work/wt/q4
U="g1-c01-k01-d1-staff g1-c01-k02-d1-staff g1-c02-k01-d1-staff g1-c02-k02-d1-staff g1-c03-k01-d1-staff g1-c03-k02-d1-staff"
[ "$WARM" -gt 0 ] && python3 bench/q4cost.py http://127.0.0.1:$port $d $app older $WARM $U > $R/$name.pwarm
psql -X -q -c "alter system set log_min_duration_statement = 0" -c "alter system set log_planner_stats = on" -c "select pg_reload_conf()" >/dev/null; sleep 1
rm -f $d/postgres/log/*; psql -X -q -c "select pg_rotate_logfile()" >/dev/null; sleep 0.5
{ uptime; python3 bench/q4cost.py http://127.0.0.1:$port $d $app older $N $U; } > $R/$name.planlogged
psql -X -q -c "alter system reset log_min_duration_statement" -c "alter system reset log_planner_stats" -c "select pg_reload_conf()" >/dev/null; sleep 1
cat $d/postgres/log/* > $R/$name.planlog
python3 $S/planned.py $N $R/$name.planlog | tee $R/$name.planned
