#!/bin/bash
# usage: figs5.sh PORT ROUNDS : each derived figure's ledger page for five logins, ROUNDS times each (after one visit that is not counted)
B=http://127.0.0.1:$1; R=${2:-5}
for u in g1-c01-office g1-c01-k01-office g1-c01-k05-office g1-c01-supervisor g1-c01-d1-staff g1-office; do
  for f in RED YELLOW BLUE OVERDUE BEHIND ON_SCHEDULE; do
    pages=""; for i in $(seq 0 $R); do pages="$pages /tasks?figure=$f"; done
    python3 "$(dirname "$0")/get.py" $B $u $pages | awk -v u=$u -v f=$f 'NR>1 {print u, f, $1}'
  done
done
