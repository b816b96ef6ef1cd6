#!/usr/bin/env bash
# snap.sh SETUP OUTDIR: JSON answers of the ledger reads for every role (to diff two builds)
S=$1; O=$2; mkdir -p $O
OPEN='status=ASSIGNED&status=IN_PROGRESS&status=CLOSURE_REQUESTED&status=ONGOING&status=REOPENED'; Y=$(date -d yesterday +%F)
for role in root-office county-office unit-staff; do
  TOK=$(python3 -c "import json;print(json.load(open('$S'))['roles']['$role']['token'])")
  get() { curl -s -H "Authorization: Bearer $TOK" "http://127.0.0.1:18181$1"; }
  get "/api/tasks?$OPEN&sort=DEADLINE&size=50" > $O/$role-q1.json
  get "/api/tasks?$OPEN&sort=DEADLINE&size=50&page=3" > $O/$role-q1p3.json
  get "/api/tasks?$OPEN&deadlineTo=$Y&sort=DEADLINE&size=50" > $O/$role-q2.json
  get "/api/tasks?sort=REF&size=20" > $O/$role-ref.json
  for c in 2 6 7 10 56 99999 656 1; do get "/api/tasks?$OPEN&deadlineTo=$Y&leadUnitId=$c&sort=DEADLINE&size=50" > $O/$role-q2-$c.json; get "/api/tasks?$OPEN&deadlineTo=$Y&leadUnitId=$c&sort=DEADLINE&size=50&page=1000" > $O/$role-q2-$c-past.json; done
done
