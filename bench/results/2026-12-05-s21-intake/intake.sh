#!/usr/bin/env bash
# Takes a plan in through the API as the province office and times it: the draft (parse, resolve, store), then
# publishing it as assigned (one transaction: every task, its units and milestones, assigned).
#   intake.sh PORT PLAN.txt   → "draft_s publish_s created"
set -euo pipefail
PORT=$1; PLAN=$2; U=${U:-g1-office:bench-pass-2026}
d=$(curl -fsS -u "$U" -H 'Content-Type: text/plain; charset=UTF-8' --data-binary @"$PLAN" \
    -w '\n%{time_total}' "http://127.0.0.1:$PORT/api/intake/drafts")
id=$(echo "$d" | head -n -1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
dt=$(echo "$d" | tail -1)
p=$(curl -fsS -u "$U" -H 'Content-Type: application/json' -d '{"assign": true}' -w '\n%{time_total}' \
    "http://127.0.0.1:$PORT/api/intake/drafts/$id/publish")
created=$(echo "$p" | head -n -1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["created"])')
echo "$dt $(echo "$p" | tail -1) $created"
