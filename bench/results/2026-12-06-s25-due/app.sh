#!/usr/bin/env bash
# app.sh JAR DATA PORT LOG: start, wait until a token works, print the pid
JAR=$1; DATA=$2; PORT=$3; LOG=$4
java ${JAVA_OPTS:-} -jar "$JAR" --server.port=$PORT --rectify.data-dir="$DATA" >"$LOG" 2>&1 &
APP=$!
for _ in $(seq 1 1200); do
  kill -0 $APP 2>/dev/null || { echo "died" >&2; exit 1; }
  if curl -fs -o /dev/null -u "g1-office:bench-pass-2026" "http://127.0.0.1:$PORT/api/tasks?size=1"; then echo $APP; exit 0; fi
  sleep 0.5
done
echo "timeout" >&2; exit 1
