#!/usr/bin/env bash
# $1 jar, $2 label: fresh start on the 100k copy with jOOQ's statement log, root office Q1 then Q3, 8 clients, 35 s each
# (past the 30 s keep), then how many times each whole-scope count ran
set -u
JAR=$1; L=$2; DATA=/tmp/scale-100k; PORT=18440; OUT=/tmp/scale-runs/stampede-$L; mkdir -p $OUT; cd /work/wt/scale
java -jar $JAR --server.port=$PORT --rectify.data-dir=$DATA --db-scheduler.enabled=false \
  --logging.level.org.jooq.tools.LoggerListener=DEBUG > $OUT/app.log 2>&1 &
APP=$!
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/login"; do kill -0 $APP || exit 1; sleep 2; done
uptime > $OUT/load.txt
python3 bench/measure.py /tmp/scale-runs/stampede-setup.json --ops "q1 q3" --threads 8 --duration 35 --warmup 0 --out $OUT/results.jsonl > /dev/null
uptime >> $OUT/load.txt
kill $APP; wait $APP
q1=$(grep -c "Executing query.*select count(\*) from \"task_open_reach\" where \"task_open_reach\".\"path\" = '/1/'\$" $OUT/app.log)
q3=$(grep -c "Executing query.*select \"task\".\"status\", count(\*) from \"task\" where \"task\".\"office_reach\" @> cast('{\"/1/\"}'" $OUT/app.log)
ops=$(python3 -c "import json;print('; '.join(f\"{r['query']} {r['ops']} ops p50 {r['p50_ms']} p99 {r['p99_ms']} max {r['max_ms']} ms\" for r in map(json.loads, open('$OUT/results.jsonl'))))")
echo "$L root Q1 total counted $q1 times, Q3 by status $q3 times; $ops; $(cat $OUT/load.txt | tr '\n' ' ')" | tee $OUT/summary.txt
