#!/usr/bin/env bash
# answers.sh SIDE JAR: the ledger's answers (bench/ledgeranswers.py) and s22-fixed/headers.sh's 19 requests from one build on
# /tmp/fixed-100k, into /tmp/fixed-w/answers-SIDE and /tmp/fixed-w/headers-SIDE;
# then 1,000 calls on one connection (keepalive.py)
cd /work/wt/fixed
side=$1; jar=$2; here=bench/results/2026-12-05-s23-fixed
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres PGPASSWORD=$(sed -n 's/^rectify_owner=//p' /tmp/fixed-100k/postgres-passwords.properties)
pid=$(bench/results/2026-12-05-s21-fixed/startapp.sh $jar 18405 /tmp/fixed-w/app-$side.log) || exit 1
export PGPORT=$(sed -n 4p /tmp/fixed-100k/postgres/postmaster.pid)
python3 bench/ledgeranswers.py http://127.0.0.1:18405 bench-pass-2026 /tmp/fixed-w/answers-$side
rm -rf /tmp/fixed-w/headers-$side; bash bench/results/2026-12-05-s22-fixed/headers.sh http://127.0.0.1:18405 /tmp/fixed-w/headers-$side
tok=$(curl -s -u "g1-c01-k01-office:bench-pass-2026" -H 'Content-Type: application/json' -d '{"name":"ka","days":1}' http://127.0.0.1:18405/api/account/tokens | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')
python3 $here/keepalive.py http://127.0.0.1:18405 $tok 1000 | tee /tmp/fixed-w/keepalive-$side.txt
kill $pid; wait $pid 2>/dev/null; sleep 2
