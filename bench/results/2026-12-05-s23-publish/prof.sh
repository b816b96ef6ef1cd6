#!/usr/bin/env bash
# prof.sh LABEL JAR PLAN : the jar on the data copy as it stands, under a flight recording (deep stacks), one intake
# of PLAN (its title must be new on the copy) timed as run1.sh does; the step windows (epoch seconds) written to
# out/LABEL.windows for bench/jfrsplit.py
set -uo pipefail
L=$1; JAR=$2; PLAN=$3; PORT=${PORT:-18302}; export DATA=/tmp/publish-100k; H=$(cd $(dirname $0) && pwd); W=/tmp/publish-work
cd $W
java -XX:StartFlightRecording=filename=$W/out/$L.jfr,settings=profile -XX:FlightRecorderOptions=stackdepth=256 \
  -jar $JAR --server.port=$PORT --rectify.data-dir=$DATA > $W/out/$L.app.log 2>&1 &
APP=$!; echo $APP > $W/out/$L.pid
for i in $(seq 1 400); do curl -fs -o /dev/null -u g1-office:bench-pass-2026 "http://127.0.0.1:$PORT/api/tasks?size=1" && break; sleep 1; done
sleep 5
. $H/../2026-12-05-s22-publish/env.sh
e() { date +%s.%N; }
t0=$(e)
d=$(curl -fsS -u g1-office:bench-pass-2026 -H 'Content-Type: text/plain; charset=UTF-8' --data-binary @"$PLAN" "http://127.0.0.1:$PORT/api/intake/drafts")
id=$(echo "$d" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'); t1=$(e)
curl -fsS -o /dev/null -u g1-office:bench-pass-2026 -H 'Content-Type: application/json' -d '{"assign": true}' "http://127.0.0.1:$PORT/api/intake/drafts/$id/publish"; t2=$(e)
for i in $(seq 1 3000); do n=$(psql -X -At -c "select count(*) from event_publication where completion_date is null"); [ "$n" = 0 ] && break; sleep 0.2; done; t3=$(e)
for i in $(seq 1 3000); do n=$(psql -X -At -c "select (select count(*) from audit_pending) + (select count(*) from insight_pending)"); [ "$n" = 0 ] && break; sleep 0.2; done; t4=$(e)
echo "draft $t0 $t1
publish $t1 $t2
listeners $t2 $t3
catchup $t3 $t4" | tee $W/out/$L.windows
jcmd $APP JFR.dump filename=$W/out/$L.jfr > /dev/null
kill $APP; wait $APP 2>/dev/null
