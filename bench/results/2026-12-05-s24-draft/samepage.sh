#!/usr/bin/env bash
# samepage.sh A.html B.html : two review pages compared with their CSRF tokens and minute-times blanked (the draft
# and card ids coincide on fresh copies of the master); prints SAME, or the differing lines
norm() { sed -E 's/(name="_csrf" (content|value)=)"[^"]*"/\1"T"/g; s/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/TIME/g' "$1"; }
if d=$(diff <(norm "$1") <(norm "$2")); then echo "$1 vs $2: $(wc -c < "$1") bytes, SAME"; else echo "$1 vs $2: DIFFERENT"; echo "$d" | head -20; exit 1; fi
