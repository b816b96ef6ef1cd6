#!/usr/bin/env bash
# pair.sh LABEL JAR : (s22-publish's, with the catch-up step timed) a fresh copy of the 100k master, the app on it,
# a 2,000-task and a 200-task intake (timed, function statistics, CPU, the time until the listeners and the node's
# catch-up step are done), the rows dumped, then a 200-task publish with every statement logged (out/pglog-LABEL/pg.log)
set -uo pipefail
L=$1; JAR=$2; PORT=${PORT:-18301}; export DATA=/tmp/publish-100k; H=$(cd $(dirname $0) && pwd); W=/tmp/publish-work
cd $W; rm -rf $DATA; cp -a /tmp/rectify-bench-100000 $DATA
mkdir -p $W/out/pglog-$L; rm -f $W/out/pglog-$L/*
cat >> $DATA/postgres/postgresql.conf <<CONF
track_functions = all
logging_collector = on
log_directory = '$W/out/pglog-$L'
log_filename = 'pg.log'
log_min_duration_statement = 500
CONF
java -jar $JAR --server.port=$PORT --rectify.data-dir=$DATA > $W/out/$L.app.log 2>&1 &
APP=$!; echo $APP > $W/out/$L.pid
for i in $(seq 1 400); do curl -fs -o /dev/null -u g1-office:bench-pass-2026 "http://127.0.0.1:$PORT/api/tasks?size=1" && break; sleep 1; done
. $H/../2026-12-05-s22-publish/env.sh
[ -f $W/units.txt ] || psql -X -At -c "select name from unit where level in ('CITY','COUNTY') and type = 'DEPARTMENT' and valid_to is null order by path" > $W/units.txt
[ -f $W/p2000.txt ] || { python3 $H/../2026-12-05-s20-reach/plantext.py 2000 甲省整改方案二千 $W/units.txt > $W/p2000.txt;
  python3 $H/../2026-12-05-s20-reach/plantext.py 200 甲省整改方案二百 $W/units.txt > $W/p200.txt;
  python3 $H/../2026-12-05-s20-reach/plantext.py 200 甲省整改方案计数 $W/units.txt > $W/pcount.txt; }
psql -X -q -c "set client_min_messages = error" -c analyze 2>/dev/null
sleep 5
$H/run1.sh $L-2000 $PORT $APP p2000.txt
$H/run1.sh $L-200 $PORT $APP p200.txt
$H/../2026-12-05-s22-publish/dump.sh 甲省整改方案二千 > out/$L-2000.dump; $H/../2026-12-05-s22-publish/dump.sh 甲省整改方案二百 > out/$L-200.dump
SU=$(sed -n 's/^postgres=//p' $DATA/postgres-passwords.properties)
PGUSER=postgres PGPASSWORD=$SU psql -X -q -At -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()"
sleep 1; $H/run1.sh $L-count $PORT $APP pcount.txt
PGUSER=postgres PGPASSWORD=$SU psql -X -q -At -c "alter system reset log_statement" -c "select pg_reload_conf()"
kill $APP; wait $APP 2>/dev/null
