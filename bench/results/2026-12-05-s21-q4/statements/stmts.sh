#!/bin/bash
# stmts.sh NAME JAR [KIND]: on /tmp/q4-snap (no second copy), 30 warm submissions, then N logged (every statement's duration)
name=$1; jar=$2; kind=${3:-older}; N=${N:-20}; port=${PORT:-18250}
cd /work/wt/q4
d=/tmp/q4-snap
[ -f /tmp/q4-work/pgconf.bak ] || cp $d/postgres/postgresql.conf /tmp/q4-work/pgconf.bak
cp /tmp/q4-work/pgconf.bak $d/postgres/postgresql.conf
rm -rf $d/postgres/log
printf "logging_collector = on\nlog_directory = 'log'\nlog_line_prefix = '%%m [%%p] %%u '\n" >> $d/postgres/postgresql.conf
/tmp/q4-work/app.sh $jar $port $d /tmp/q4-work/st-$name.app.log || { echo start failed; exit 1; }
. /tmp/q4-work/env.sh $d
app=$(cat $d.app.pid)
python3 bench/q4cost.py http://127.0.0.1:$port $d $app $kind 30 > /dev/null 2>&1
SU="PGUSER=postgres PGPASSWORD=$(sed -n "s/^postgres=//p" $d/postgres-passwords.properties)"
env PGUSER=postgres PGPASSWORD=$(sed -n "s/^postgres=//p" $d/postgres-passwords.properties) psql -X -q -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
sleep 1
python3 bench/q4cost.py http://127.0.0.1:$port $d $app $kind $N > /tmp/q4-work/st-$name.cost 2>&1
env PGUSER=postgres PGPASSWORD=$(sed -n "s/^postgres=//p" $d/postgres-passwords.properties) psql -X -q -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
sleep 2
mkdir -p /tmp/q4-work/pglog-$name; cp $d/postgres/log/* /tmp/q4-work/pglog-$name/
kill $app; wait $app 2>/dev/null; sleep 8; rm -f $d.app.pid
cp /tmp/q4-work/pgconf.bak $d/postgres/postgresql.conf; rm -rf $d/postgres/log
