#!/bin/bash
# app.sh JAR PORT DATA LOG [extra app opts]: start the app, wait until it answers; pid in DATA.app.pid
jar=$1; port=$2; data=$3; log=$4; shift 4
java ${JAVA_OPTS:-} -jar $jar --server.port=$port --rectify.data-dir=$data "$@" > $log 2>&1 &
echo $! > $data.app.pid
for i in $(seq 1 1200); do curl -fs -o /dev/null -u "g1-office:bench-pass-2026" "http://127.0.0.1:$port/api/tasks?size=1" && exit 0; sleep 0.5; done
exit 1
