#!/usr/bin/env bash
# The first pages after a start (what the kept pages were read back for): starts JAR on a fresh copy of MASTER, and
# once the sign-in page answers and the form signed in, times the pages the class-data training opens (/, /tasks, /insight, /api/tasks?size=50) for
# LOGIN, each twice (the first from buffers as the start left them, the second warm), signed in by the form; then stops.
#   JAR=... CDS=... MASTER=/tmp/start-100k-settled LOGIN=g1-office PASS=bench-pass-2026 bash firstpages.sh
set -u
cd "$(dirname "$0")/../../.."
PORT=${PORT:-18320}; BASE=http://127.0.0.1:$PORT; LOGIN=${LOGIN:-g1-office}; PASS=${PASS:-bench-pass-2026}
rm -rf /tmp/start-fp; cp -a "${MASTER:-/tmp/start-100k-settled}" /tmp/start-fp
RECTIFY_JAR=$JAR RECTIFY_CDS_DIR=$CDS bin/rectify --server.port=$PORT --rectify.data-dir=/tmp/start-fp >/tmp/start-fp.log 2>&1 &
APP=$!
until curl -fs -o /dev/null "$BASE/login"; do sleep 0.1; done
JARC=$(mktemp)
token=$(curl -fs -c "$JARC" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fs -b "$JARC" -c "$JARC" -o /dev/null --data-urlencode "username=$LOGIN" --data-urlencode "password=$PASS" \
  --data-urlencode "_csrf=$token" "$BASE/login"
for round in first second; do
  for page in / /tasks /insight "/api/tasks?size=50"; do
    printf '%s %s %s\n' "$round" "$page" "$(curl -s -o /dev/null -b "$JARC" -w '%{http_code} %{time_total}' "$BASE$page")"
  done
done
rm -f "$JARC"
echo "load $(cut -d' ' -f1 /proc/loadavg)"
kill $APP; wait $APP 2>/dev/null; rm -rf /tmp/start-fp
