#!/usr/bin/env bash
# a settled 100k master for start-up pairs: started once with A's jar until its day's jobs and events are done, stopped
set -u
M=/tmp/s26-st/settled
rm -rf $M; cp -a /tmp/rectify-bench-100000 $M; rm -f $M/READY
java -jar /tmp/s25-ci.jar --server.port=18395 --rectify.data-dir=$M > /tmp/s26-st/settle.log 2>&1 &
APP=$!
sleep 60
for i in $(seq 1 180); do
  P=$(sed -n 4p $M/postgres/postmaster.pid)
  n=$(PGPASSWORD=$(sed -n 's/^postgres=//p' $M/postgres-passwords.properties) psql -X -h 127.0.0.1 -p $P -U postgres -d postgres -Atc "select count(*) from event_publication where completion_date is null" 2>/dev/null)
  grep -q "Daily reminders" /tmp/s26-st/settle.log && [ "$n" = 0 ] && break
  sleep 10
done
echo "outstanding: $n at $(date +%H:%M:%S)"
sleep 10
kill $APP; wait $APP
touch $M/READY
