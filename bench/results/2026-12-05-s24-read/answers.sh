#!/usr/bin/env bash
# answers.sh SIDE JAR DATA PORT: the ledger's answers (bench/ledgeranswers.py) and s22-fixed/headers.sh's 19 requests
# from one build on DATA, into /tmp/read-w/answers-SIDE and /tmp/read-w/headers-SIDE (then diff -r A B)
cd "$(dirname "$0")/../../.."
side=$1; jar=$2; data=$3; port=$4; mkdir -p /tmp/read-w
export PGHOST=127.0.0.1 PGUSER=rectify_owner PGDATABASE=postgres PGPASSWORD=$(sed -n 's/^rectify_owner=//p' $data/postgres-passwords.properties)
java -jar $jar --server.port=$port --rectify.data-dir=$data --db-scheduler.enabled=false >/tmp/read-w/app-$side.log 2>&1 & pid=$!
for i in $(seq 1 600); do
  curl -fs -o /dev/null -u "g1-office:bench-pass-2026" "http://127.0.0.1:$port/api/tasks?size=1" && break; sleep 0.5
done
export PGPORT=$(sed -n 4p $data/postgres/postmaster.pid)
rm -rf /tmp/read-w/answers-$side /tmp/read-w/headers-$side
python3 bench/ledgeranswers.py http://127.0.0.1:$port bench-pass-2026 /tmp/read-w/answers-$side
bash bench/results/2026-12-05-s22-fixed/headers.sh http://127.0.0.1:$port /tmp/read-w/headers-$side
kill $pid; wait $pid 2>/dev/null; sleep 2
