#!/bin/bash
# hdr.sh PORT ROUNDS: every-page cost: the ledger, the dashboard and the to-do page as the province, a city and a county office
B=http://127.0.0.1:$1; R=${2:-10}
for u in g1-office g1-c01-office g1-c01-k01-office g1-supervisor; do
  for p in /tasks /insight /tasks?figure=RED; do
    pages=""; for i in $(seq 0 $R); do pages="$pages $p"; done
    python3 "$(dirname "$0")/get.py" $B $u $pages | awk -v u=$u -v p=$p 'NR>1 {print u, p, $1}'
  done
done
