#!/bin/bash
# the same data, no writes between: each jar's JSON answers, then bytes allocated per request under wrk (JFR thread allocation statistics every 1 s)
while [ ! -f /tmp/s15-s15-jvm-out/chain.done ]; do sleep 3; done
cd /work/wt/s15-jvm
S=/tmp/s15-s15-jvm-out/cmp1/g1-1/setup.json
OPEN='status=ASSIGNED&status=IN_PROGRESS&status=CLOSURE_REQUESTED&status=ONGOING&status=REOPENED'
for which in before after before2 after2; do
  jar=/tmp/s15-s15-jvm-${which%2}.jar
  java -XX:StartFlightRecording=filename=/tmp/s15-s15-jvm-out/alloc-$which.jfr,settings=/tmp/s15-s15-jvm-tools/alloc.jfc \
    -jar $jar --server.port=18171 --rectify.data-dir=/tmp/s15-s15-jvm-bench --spring.flyway.out-of-order=true --db-scheduler.enabled=false > /tmp/s15-s15-jvm-out/ans-$which.app.log 2>&1 &
  app=$!
  until curl -fs -o /dev/null http://127.0.0.1:18171/login; do sleep 1; kill -0 $app || break; done
  python3 /tmp/s15-s15-jvm-tools/answers.py $S http://127.0.0.1:18171 /tmp/s15-s15-jvm-out/answers/same-$which
  for role in root-office county-office unit-staff; do
    tok=$(python3 -c "import json;print(json.load(open('$S'))['roles']['$role']['token'])")
    url="http://127.0.0.1:18171/api/tasks?$OPEN&sort=DEADLINE&size=50"
    wrk -t2 -c8 -d5s -H "Authorization: Bearer $tok" -H "Accept: application/json" "$url" >/dev/null
    t0=$(date +%s.%N)
    n=$(wrk -t2 -c8 -d10s -H "Authorization: Bearer $tok" -H "Accept: application/json" "$url" | awk '/requests in/{print $1}')
    t1=$(date +%s.%N)
    echo "$which $role $t0 $t1 $n $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/s15-s15-jvm-out/alloc-windows.txt
  done
  kill $app; wait $app
done
echo done > /tmp/s15-s15-jvm-out/chain2.done
