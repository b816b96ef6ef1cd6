#!/usr/bin/env bash
# draft.sh LABEL JAR : a fresh copy of the 100k master, JAR on it (port $PORT), `analyze`; then N=4 times the 2,000-task
# plan POSTed to /api/intake/drafts as g1-office (the draft step: wall time, the JVM's and PostgreSQL's CPU around the
# request) and its review page GET /intake/drafts/{id} (wall, CPU); then the seed plan the same; the answers and the
# pages kept in out/LABEL-*.json|html for comparing A and B. The first draft is the app's first (cold JIT).
set -uo pipefail
L=$1; JAR=$2; PORT=${PORT:-18501}; N=${N:-4}; H=$(cd $(dirname $0) && pwd); W=/tmp/draft-work; export DATA=/tmp/draft-100k
SEED=/work/shared/seeds/000_1f534a80bb4ba8e4.txt
mkdir -p $W/out; cd $W; rm -rf $DATA; cp -a /tmp/rectify-bench-100000 $DATA
java ${JOPTS:-} -jar $JAR --server.port=$PORT --rectify.data-dir=$DATA > $W/out/$L.app.log 2>&1 &
APP=$!; echo $APP > $W/out/$L.pid
for i in $(seq 1 400); do curl -fs -o /dev/null -u g1-office:bench-pass-2026 "http://127.0.0.1:$PORT/api/tasks?size=1" && break; sleep 1; done
. $H/../2026-12-05-s22-publish/env.sh
[ -f $W/units.txt ] || psql -X -At -c "select name from unit where level in ('CITY','COUNTY') and type = 'DEPARTMENT' and valid_to is null order by path" > $W/units.txt
[ -f $W/p2000.txt ] || python3 $H/../2026-12-05-s20-reach/plantext.py 2000 甲省整改方案二千 $W/units.txt > $W/p2000.txt
psql -X -q -c "set client_min_messages = error" -c analyze 2>/dev/null
sleep 5
cpu() { $H/../2026-12-05-s21-intake/cpu.sh $APP $DATA; }
one() { # one() TAG PLAN : draft, then its review page
  local tag=$1 plan=$2 c0 c1 c2 d id dt pt u
  u=$(cut -d' ' -f1 /proc/loadavg); c0=$(cpu)
  d=$(curl -fsS -u g1-office:bench-pass-2026 -H 'Content-Type: text/plain; charset=UTF-8' --data-binary @"$plan" \
      -o out/$L-$tag.json -w '%{time_total}' "http://127.0.0.1:$PORT/api/intake/drafts")
  c1=$(cpu); id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' out/$L-$tag.json)
  pt=$(curl -fsS -u g1-office:bench-pass-2026 -o out/$L-$tag.html -w '%{time_total}' "http://127.0.0.1:$PORT/intake/drafts/$id")
  c2=$(cpu)
  curl -fsS -u g1-office:bench-pass-2026 -o out/$L-$tag.get.json "http://127.0.0.1:$PORT/api/intake/drafts/$id"
  echo "$L $tag $(date -u +%H:%M:%S) load $u draft_s $d page_s $pt cpu(jvm pg) $c0 | $c1 | $c2" | tee -a out/runs.txt
}
for i in $(seq 1 $N); do one p2000-$i p2000.txt; done
one seed $SEED
kill $APP; wait $APP 2>/dev/null
rm -rf $DATA
