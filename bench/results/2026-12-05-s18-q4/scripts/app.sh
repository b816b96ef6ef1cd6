#!/bin/bash
# start JAR on the copy at PORT; prints the pid; env JAVA_OPTS, APP_EXTRA
JAR=$1; PORT=$2; LOG=$3
cd /work/wt/q4
java ${JAVA_OPTS:-} -jar $JAR --server.port=$PORT --rectify.data-dir=/tmp/q4-100k --db-scheduler.enabled=false ${APP_EXTRA:-} > $LOG 2>&1 &
APP=$!
echo $APP > /tmp/q4-out/app.pid
for i in $(seq 1 600); do
  kill -0 $APP 2>/dev/null || { echo died; exit 1; }
  curl -fs -o /dev/null -u "g1-office:bench-pass-2026" "http://127.0.0.1:$PORT/api/tasks?size=1" && break
  sleep 0.5
done
echo $APP
