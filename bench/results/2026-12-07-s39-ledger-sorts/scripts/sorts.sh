#!/bin/bash
# sorts.sh PORT ROUNDS: each login's ledger sorted by status, by deadline and by last update, either way, first page and page 5
B=http://127.0.0.1:$1; R=${2:-3}
for u in g1-office g1-c01-office g1-c01-k01-office g1-c01-supervisor g1-c01-d1-staff; do
  for p in "/tasks?sort=STATUS" "/tasks?sort=STATUS&desc=true" "/tasks?sort=STATUS&page=5" "/tasks?sort=STATUS&status=IN_PROGRESS&status=CLOSED" \
           "/tasks?sort=DEADLINE" "/tasks?sort=DEADLINE&desc=true" "/tasks?sort=DEADLINE&page=5" \
           "/tasks?sort=UPDATED" "/tasks?sort=UPDATED&desc=true" "/tasks?sort=UPDATED&page=5"; do
    pages=""; for i in $(seq 0 $R); do pages="$pages $p"; done
    python3 "$(dirname "$0")/../../2026-12-07-s37-figure-walk/scripts/get.py" $B $u $pages | awk -v u=$u -v p=$p 'NR>1 {print u, p, $1}'
  done
done
