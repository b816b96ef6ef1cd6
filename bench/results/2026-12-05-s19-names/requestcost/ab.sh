#!/usr/bin/env bash
# A/B of CPU and bytes per request (bench/requestcost.py): main's jar (s18-ci, 06647e3) then this branch's, alternately,
# one data copy (V68 applied: main's jar ignores a future migration), a fresh start each
cd /work/wt/names
D=/tmp/names-100k; OUT=bench/results/2026-12-05-s19-names/requestcost; PORT=18320
SETUP=bench/results/2026-12-05-s19-names/pairs/1-A/setup.json
declare -A JARS=([A]=/tmp/s18-ci.jar [B]=/tmp/names-work/b2.jar)
for i in 1 2; do for side in A B; do
  java -jar ${JARS[$side]} --server.port=$PORT --rectify.data-dir=$D --db-scheduler.enabled=false > /tmp/names-work/app-ab.log 2>&1 &
  APP=$!; echo $APP > /tmp/names-work/app-ab.pid
  for _ in $(seq 1 600); do curl -fs -o /dev/null http://127.0.0.1:$PORT/login && break; sleep 1; done
  echo "[$(date -u +%H:%M:%S)] $i $side ${JARS[$side]} load $(cut -d' ' -f1-3 /proc/loadavg)" >> $OUT/ab.log
  BASE=http://127.0.0.1:$PORT python3 bench/requestcost.py $SETUP $APP $D 1000 "q1 q2" > $OUT/$i-$side.jsonl 2>>$OUT/ab.log
  kill $APP; wait $APP 2>/dev/null
done; done
echo "[$(date -u +%H:%M:%S)] done" >> $OUT/ab.log
