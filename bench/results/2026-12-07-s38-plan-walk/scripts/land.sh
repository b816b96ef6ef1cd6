#!/bin/bash
# medians: python3 ../2026-12-07-s37-figure-walk/scripts/med.py runs/land-m1-main.txt runs/land-m1-this.txt
# land.sh PORT ROUNDS: each login's unfiltered ledger (/tasks, plan order), its page 5, a status-filtered ledger, and a page of /account/password (header only)
B=http://127.0.0.1:$1; R=${2:-10}
for u in g1-office g1-c01-office g1-c01-k01-office g1-c01-k05-office g1-c01-supervisor g1-c01-d1-staff g1-c01-k01-d1-staff; do
  for p in "/tasks" "/tasks?page=5" "/tasks?status=IN_PROGRESS" "/account/password"; do
    pages=""; for i in $(seq 0 $R); do pages="$pages $p"; done
    python3 "$(dirname "$0")/../../2026-12-07-s37-figure-walk/scripts/get.py" $B $u $pages | awk -v u=$u -v p=$p 'NR>1 {print u, p, $1}'
  done
done
