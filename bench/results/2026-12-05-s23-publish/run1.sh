#!/usr/bin/env bash
# run1.sh LABEL PORT APP_PID PLAN → one intake (draft + publish assigned), function stats and CPU around each step, the
# time until every event publication is completed (the listeners' warnings and notifications), then until the node's
# catch-up step has taken everything (audit_pending and insight_pending empty: the chain linked, the kept counts applied)
set -euo pipefail
L=$1; PORT=$2; APP=$3; PLAN=$4; DATA=${DATA:-/tmp/publish-100k}; H=$(dirname $0)
C=$H/../2026-12-05-s21-intake # its cpu.sh (the JVM's and the embedded server's CPU)
. $H/../2026-12-05-s22-publish/env.sh
f() { psql -X -At -F' ' -c "select funcname, calls, total_time, self_time from pg_stat_user_functions order by 1"; }
f > out/$L.fn0; c0=$($C/cpu.sh $APP $DATA); u0=$(cut -d' ' -f1-3 /proc/loadavg)
d=$(curl -fsS -u g1-office:bench-pass-2026 -H 'Content-Type: text/plain; charset=UTF-8' --data-binary @"$PLAN" -w '\n%{time_total}' "http://127.0.0.1:$PORT/api/intake/drafts")
id=$(echo "$d" | head -n -1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'); dt=$(echo "$d" | tail -1)
f > out/$L.fn1; c1=$($C/cpu.sh $APP $DATA)
t0=$(date +%s.%N)
p=$(curl -fsS -u g1-office:bench-pass-2026 -H 'Content-Type: application/json' -d '{"assign": true}' -w '\n%{time_total}' "http://127.0.0.1:$PORT/api/intake/drafts/$id/publish")
pt=$(echo "$p" | tail -1); created=$(echo "$p" | head -n -1 | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["created"], d["planId"])')
c2=$($C/cpu.sh $APP $DATA); f > out/$L.fn2
for i in $(seq 1 3000); do n=$(psql -X -At -c "select count(*) from event_publication where completion_date is null"); [ "$n" = 0 ] && break; sleep 0.2; done
lt=$(echo "$(date +%s.%N) - $t0" | bc); c3=$($C/cpu.sh $APP $DATA); f > out/$L.fn3
for i in $(seq 1 3000); do n=$(psql -X -At -c "select (select count(*) from audit_pending) + (select count(*) from insight_pending)"); [ "$n" = 0 ] && break; sleep 0.2; done
ct=$(echo "$(date +%s.%N) - $t0" | bc); c4=$($C/cpu.sh $APP $DATA); u1=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$L $(date -u +%H:%M:%S) load [$u0]->[$u1] draft_s $dt publish_s $pt listeners_done_s $lt catchup_done_s $ct created+plan $created cpu(jvm pg) $c0 | $c1 | $c2 | $c3 | $c4" | tee -a out/runs.txt
