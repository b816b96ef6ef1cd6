#!/bin/bash
# stmts.sh NAME JAR [KIND]: on a fresh /tmp/q4-st copy, 30 warm submissions of KIND (q4cost.py), then N logged (every
# statement's duration on PostgreSQL's log); counts per submission by backend (count.py)
name=$1; jar=$2; kind=${3:-older}; N=${N:-20}; port=${PORT:-18250}; R=${R:-/tmp/q4-exp/stmts}
cd /work/wt/q4; mkdir -p $R
d=/tmp/q4-st; rm -rf $d; cp -a /tmp/rectify-bench-100000 $d
printf "logging_collector = on\nlog_directory = 'log'\nlog_line_prefix = '%%m [%%p] %%u '\n" >> $d/postgres/postgresql.conf
java -jar $jar --server.port=$port --rectify.data-dir=$d --db-scheduler.enabled=false > $R/$name.app.log 2>&1 & app=$!
for i in $(seq 600); do curl -fs -o /dev/null -u g1-office:bench-pass-2026 "http://127.0.0.1:$port/api/tasks?size=1" && break; sleep 0.5; done
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres PGPORT=$(sed -n 4p $d/postgres/postmaster.pid)
export PGPASSWORD=$(sed -n 's/^rectify_owner=//p' $d/postgres-passwords.properties)
SUPW=$(sed -n "s/^postgres=//p" $d/postgres-passwords.properties)
python3 bench/q4cost.py http://127.0.0.1:$port $d $app $kind 30 > /dev/null 2>&1
PGUSER=postgres PGPASSWORD=$SUPW psql -X -q -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
sleep 1
PGUSER=postgres PGPASSWORD=$SUPW python3 bench/q4cost.py http://127.0.0.1:$port $d $app $kind $N > $R/$name.cost 2>&1
PGUSER=postgres PGPASSWORD=$SUPW psql -X -q -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
sleep 2
mkdir -p $R/pglog-$name; cp $d/postgres/log/* $R/pglog-$name/
kill $app; wait $app 2>/dev/null
python3 bench/results/2026-12-05-s21-q4/statements/count.py <(cat $R/pglog-$name/*) $N > $R/count-$name.txt
rm -rf $d
