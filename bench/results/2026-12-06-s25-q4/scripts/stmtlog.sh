#!/usr/bin/env bash
# stmtlog.sh NAME JAR [N]: a catch-up submission's statements on PostgreSQL's log, with the prepared statement's name
# (S_n: server-prepared by the driver; <unnamed>: parsed and planned afresh) and every step's duration.
# A fresh copy of the 100k master, the app started, WARM (2000) catch-up submissions unlogged (bench/q4cost.py older,
# 6 accounts), then N (300) more one at a time with every parse, bind and execute logged; stmtnamed.py sums them.
set -euo pipefail
name=$1; jar=$2; N=${3:-300}; WARM=${WARM:-2000}; port=${PORT:-18210}
R=${R:-/work/wt/q4/bench/results/2026-12-06-s25-q4/statements}
d=/tmp/q4-100k-st; mkdir -p $R; rm -rf $d; cp -a /tmp/rectify-bench-100000 $d
printf "logging_collector = on\nlog_directory = 'log'\nlog_line_prefix = '%%m [%%p] '\n" >> $d/postgres/postgresql.conf
cd /work/wt/q4
java -jar $jar --server.port=$port --rectify.data-dir=$d --db-scheduler.enabled=false > $R/$name.app.log 2>&1 & app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for i in $(seq 600); do curl -fs -o /dev/null -u g1-office:bench-pass-2026 "http://127.0.0.1:$port/api/tasks?size=1" && break; sleep 0.5; done
export PGHOST=localhost PGUSER=postgres PGDATABASE=postgres PGPORT=$(sed -n 4p $d/postgres/postmaster.pid)
export PGPASSWORD=$(sed -n 's/^postgres=//p' $d/postgres-passwords.properties)
python3 bench/q4cost.py http://127.0.0.1:$port $d $app older $WARM g1-c01-k01-d1-staff g1-c01-k02-d1-staff g1-c02-k01-d1-staff g1-c02-k02-d1-staff g1-c03-k01-d1-staff g1-c03-k02-d1-staff > $R/$name.warm
psql -X -q -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null; sleep 1
rm -f $d/postgres/log/*; psql -X -q -c "select pg_rotate_logfile()" >/dev/null; sleep 0.5
{ uptime; python3 bench/q4cost.py http://127.0.0.1:$port $d $app older $N g1-c01-k01-d1-staff g1-c01-k02-d1-staff g1-c02-k01-d1-staff g1-c02-k02-d1-staff g1-c03-k01-d1-staff g1-c03-k02-d1-staff; } > $R/$name.logged
psql -X -q -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null; sleep 1
cp $d/postgres/log/* $R/$name.pglog 2>/dev/null || cat $d/postgres/log/* > $R/$name.pglog
python3 "$(dirname "$0")/stmtnamed.py" $N $R/$name.pglog > $R/$name.statements
cat $R/$name.logged $R/$name.statements
