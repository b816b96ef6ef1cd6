#!/usr/bin/env bash
# startapp.sh JAR PORT LOG [JAVA_OPTS...]: starts the app on /tmp/fixed-100k, prints its pid when it answers
jar=$1; port=$2; log=$3; shift 3
java "$@" -jar "$jar" --server.port=$port --rectify.data-dir=/tmp/fixed-100k --db-scheduler.enabled=false >"$log" 2>&1 &
pid=$!
for i in $(seq 1 300); do
  kill -0 $pid 2>/dev/null || { echo "died" >&2; exit 1; }
  curl -fs -o /dev/null http://127.0.0.1:$port/login && curl -fs -o /dev/null -u "g1-office:bench-pass-2026" "http://127.0.0.1:$port/api/tasks?size=1" && break
  sleep 0.5
done
echo $pid
