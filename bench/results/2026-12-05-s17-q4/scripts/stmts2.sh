#!/bin/bash
# statements per submission on PostgreSQL's log (log collector on the copy): fresh copy, app, 30 warm submissions,
# then log_min_duration_statement=0 for N sequential catch-up submissions (bench/q4cost.py). $1 name, $2 jar
name=$1; jar=$2; N=${N:-20}
cd /work/wt/q4
rm -rf /tmp/q4-100k; cp -a /tmp/q4-snap /tmp/q4-100k
printf "logging_collector = on\nlog_directory = 'log'\nlog_line_prefix = '%%m [%%p] %%u '\n" >> /tmp/q4-100k/postgres/postgresql.conf
/tmp/q4-out/app.sh $jar 18304 /tmp/q4-out/stmts-$name.log > /dev/null
. /tmp/q4-out/env.sh
python3 bench/q4cost.py http://127.0.0.1:18304 /tmp/q4-100k $(cat /tmp/q4-out/app.pid) older 30 > /dev/null 2>&1
psql -X -q -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
sleep 1
python3 bench/q4cost.py http://127.0.0.1:18304 /tmp/q4-100k $(cat /tmp/q4-out/app.pid) older $N > /tmp/q4-out/stmts-$name.cost 2>&1
psql -X -q -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
sleep 2
mkdir -p /tmp/q4-out/pglog-$name; cp /tmp/q4-100k/postgres/log/* /tmp/q4-out/pglog-$name/
kill $(cat /tmp/q4-out/app.pid); sleep 8
