#!/usr/bin/env bash
# one side of the sequential A/B: start JAR on the data copy, warm every role's Q2 for 20 s each, then
# bench/requestcost.py (N q2 per role, one client), stop. $1 label $2 jar
set -e
cd /work/wt/q2
L=$1; JAR=$2; PORT=18305; W=/tmp/q2-work
java -jar $JAR --server.port=$PORT --rectify.data-dir=/tmp/q2-100k --db-scheduler.enabled=false > $W/cycle-$L.log 2>&1 &
APP=$!
for i in $(seq 1 240); do curl -fs -o /dev/null http://127.0.0.1:$PORT/login && break; sleep 1; done
$W/setup.sh $PORT /tmp/q2-100k $W/setup-$L.json
for r in root-office county-office unit-staff; do python3 $W/burst.py $W/setup-$L.json $r 20 > /dev/null; done
echo "{\"label\": \"$L\", \"jar\": \"$JAR\", \"uptime\": \"$(uptime)\"}" >> $W/cost.jsonl
python3 bench/requestcost.py $W/setup-$L.json $APP /tmp/q2-100k 4000 q2 | sed "s/^{/{\"label\": \"$L\", /" >> $W/cost.jsonl
kill $APP; wait $APP 2>/dev/null || true
