#!/usr/bin/env bash
# app.sh JAR PORT LOG [EXTRA]: start the app on the due copy, wait until it answers; pid in /tmp/due-out/app.pid
JAR=$1; PORT=$2; LOG=$3; shift 3
java ${JAVA_OPTS:-} -jar $JAR --server.port=$PORT --rectify.data-dir=${DATA:-/tmp/due-100k} --db-scheduler.enabled=false "$@" > $LOG 2>&1 &
echo $! > ${PIDFILE:-/tmp/due-out/app.pid}
for i in $(seq 1 600); do
  curl -fs -o /dev/null http://127.0.0.1:$PORT/login && curl -fs -o /dev/null -u g1-office:bench-pass-2026 "http://127.0.0.1:$PORT/api/tasks?size=1" && exit 0
  sleep 0.5
done
exit 1
