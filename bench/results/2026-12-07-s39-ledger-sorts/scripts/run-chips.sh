#!/bin/bash
# run-chips.sh TAG PORT_A PORT_B: warm both apps, then six rounds of chips.sh alternating A and B
T=$1; A=$2; B=$3
for w in 1 2; do "$(dirname "$0")/chips.sh" $A 2 > /dev/null; "$(dirname "$0")/chips.sh" $B 2 > /dev/null; done
for i in 1 2 3 4 5 6; do "$(dirname "$0")/chips.sh" $A 1 > runs/$T-A-$i.txt; "$(dirname "$0")/chips.sh" $B 1 > runs/$T-B-$i.txt; done
python3 "$(dirname "$0")/../../2026-12-07-s37-figure-walk/scripts/med.py" $(ls runs/$T-A-*.txt | paste -sd,) $(ls runs/$T-B-*.txt | paste -sd,) > $T-medians.txt
