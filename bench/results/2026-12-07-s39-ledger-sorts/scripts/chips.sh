#!/bin/bash
# chips.sh PORT ROUNDS: the status chips of thin scopes (a department's staff, a county department's staff), a county office and a city office
B=http://127.0.0.1:$1; R=${2:-3}
for u in g1-c01-d1-staff g1-c01-k01-d1-staff g1-c01-k05-office g1-c01-office; do
  for p in "/tasks?status=ASSIGNED" "/tasks?status=IN_PROGRESS" "/tasks?status=CLOSURE_REQUESTED" "/tasks?status=ASSIGNED&page=2" \
           "/tasks?status=ASSIGNED&status=CLOSED&sort=STATUS" "/tasks?status=ASSIGNED&desc=true"; do
    pages=""; for i in $(seq 0 $R); do pages="$pages $p"; done
    python3 "$(dirname "$0")/../../2026-12-07-s37-figure-walk/scripts/get.py" $B $u $pages | awk -v u=$u -v p=$p 'NR>1 {print u, p, $1}'
  done
done
