#!/usr/bin/env bash
# cost2.sh TAG (cost.sh with a whole unmeasured pass first, answers off) JAR...: each jar in turn on the same copy (reads only): start, bench/requestcost.py N due (N/2 unmeasured
# first) for the county office and unit staff, the round trips of 3 county requests from PostgreSQL's log, the answers
# (bench/dueanswers.py), stop. Results in cost-TAG.jsonl, answers-<jar>-TAG/, trips-<jar>-TAG.txt
set -u
D=/tmp/due-100k-1; S=/tmp/due-s25; N=${N:-2000}; TAG=$1; shift; PORT=18400; cd /work/wt/due
for jar in "$@"; do
  name=$(basename $jar .jar)
  echo "[$(date +%H:%M:%S)] $name start (load $(cut -d' ' -f1-3 /proc/loadavg))"
  pid=$($S/app.sh $jar $D $PORT $S/cost-$TAG-$name.log) || { echo start failed; exit 1; }
  . $S/env.sh
  echo "[$(date +%H:%M:%S)] $name started (load $(cut -d' ' -f1-3 /proc/loadavg))"
  BASE=http://127.0.0.1:$PORT python3 bench/requestcost.py $S/setup.json $pid $D $N due > /dev/null # a pass to warm the JIT
  BASE=http://127.0.0.1:$PORT python3 bench/requestcost.py $S/setup.json $pid $D $N due | sed "s/^{/{\"run\": \"$TAG-$name\", /" >> $S/cost-$TAG.jsonl
  T=$(cat $S/tok-county)
  psql -X -qc "alter system set log_min_duration_statement=0" -c "select pg_reload_conf()" >/dev/null; sleep 1
  rm -f $D/postgres/log/*; psql -X -qc "select pg_rotate_logfile()" >/dev/null; sleep 0.5
  for i in 1 2 3; do curl -s -o /dev/null -H "Authorization: Bearer $T" http://127.0.0.1:$PORT/api/progress/due; done; sleep 0.5
  psql -X -qc "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
  grep -h "duration" $D/postgres/log/* | grep -v "insight_pending\|audit_pending\|advisory\|scheduled_tasks\|alter system\|pg_reload\|pg_rotate" | cut -c1-200 > $S/trips-$name-$TAG.txt
  [ "${ANSWERS:-0}" = 1 ] && python3 bench/dueanswers.py http://127.0.0.1:$PORT bench-pass-2026 $S/answers-$name-$TAG > /dev/null
  kill $pid; while kill -0 $pid 2>/dev/null; do sleep 0.5; done; sleep 1
done
echo "[$(date +%H:%M:%S)] done (load $(cut -d' ' -f1-3 /proc/loadavg))"
