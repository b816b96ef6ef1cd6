#!/bin/bash
# usage: ab.sh PORT TASK1 TASK2 : the province office's figure pages, then a change, then the pages again, then past the keep time
P=$1; B=http://127.0.0.1:$P
pages="/tasks?figure=RED /tasks?figure=OVERDUE /tasks?figure=YELLOW /tasks?figure=CLOSED /tasks?figure=ON_SCHEDULE"
g() { python3 /tmp/s35/get.py $B g1-office $pages; }
echo "== first visits"; g
echo "== again"; g
for t in $2 $3; do
  echo "== a task changes on the node (task $t: START)"
  curl -sS -o /dev/null -w '%{http_code} %{time_total}s\n' -u g1-office:bench-pass-2026 -H 'Content-Type: application/json' -d '{"command":"START","reason":"bench"}' $B/api/tasks/$t/transitions
  g; sleep 3; echo "== 3 s later"; g
done
echo "== 35 s later (past the keep time)"; sleep 35; g; sleep 3; echo "== 3 s later"; g
