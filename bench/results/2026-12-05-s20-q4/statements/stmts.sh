#!/bin/bash
# stmts.sh NAME JAR: fresh copy, 30 warm submissions, then N logged (statements + auto_explain nested + functions)
name=$1; jar=$2; N=${N:-20}; port=${PORT:-18260}
cd /work/wt/q4
d=/tmp/q4-st-$name; rm -rf $d; cp -a /tmp/q4-snap $d
printf "logging_collector = on\nlog_directory = 'log'\nlog_line_prefix = '%%m [%%p] %%u '\nsession_preload_libraries = 'auto_explain'\ntrack_functions = 'all'\n${EXTRA_CONF}" >> $d/postgres/postgresql.conf
/tmp/q4-work/app.sh $jar $port $d /tmp/q4-work/st-$name.app.log || { echo start failed; exit 1; }
. /tmp/q4-work/env.sh $d
app=$(cat $d.app.pid)
python3 bench/q4cost.py http://127.0.0.1:$port $d $app older 30 > /dev/null 2>&1
PGUSER=postgres PGPASSWORD=$(sed -n "s/^postgres=//p" $d/postgres-passwords.properties) psql -X -q -c "select pg_stat_reset()" -c "alter system set log_min_duration_statement = 0" ${AE:+-c "alter system set auto_explain.log_min_duration = 0" -c "alter system set auto_explain.log_nested_statements = on"} ${ANALYZE:+-c "alter system set auto_explain.log_analyze = on"} -c "select pg_reload_conf()" >/dev/null
sleep 1
python3 bench/q4cost.py http://127.0.0.1:$port $d $app older $N > /tmp/q4-work/st-$name.cost 2>&1
PGUSER=postgres PGPASSWORD=$(sed -n "s/^postgres=//p" $d/postgres-passwords.properties) psql -X -q -c "alter system reset all" -c "select pg_reload_conf()" >/dev/null
psql -X -c "select schemaname, funcname, calls, total_time, self_time from pg_stat_user_functions order by total_time desc" > /tmp/q4-work/st-$name.funcs
sleep 2
mkdir -p /tmp/q4-work/pglog-$name; cp $d/postgres/log/* /tmp/q4-work/pglog-$name/
kill $app; wait $app 2>/dev/null; sleep 5; rm -rf $d $d.app.pid
