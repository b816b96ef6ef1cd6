#!/bin/bash
# Times issue 14's slowest province lists (notices, the warnings desk, the progress matrix, the closure desk, the unit
# page) as the root office, a county office, department staff and a leader of a generated province, with
# bench/pagetime.py (a signed-in session, one warm-up request, then N timed ones each). Before/after: run it against
# one build, then the other, on the same data.
#   bash bench/lists.sh http://127.0.0.1:18133 "label" 5
# The statements' plans: PG* of the data's owner (as bench/run.sh sets them), then psql -X -f bench/lists-explain.sql
BASE=$1; LABEL=$2; N=${3:-5}; PASSWORD=${PASSWORD:-bench-pass-2026}
cd "$(dirname "$0")/.."
echo "== $LABEL $(date -u +%H:%M:%S) $(uptime | sed 's/.*load/load/')"
for u in ${USERS:-g1-office g1-c01-k01-office g1-c01-k01-d1-staff g1-leader}; do
  echo "-- $u"
  python3 bench/pagetime.py "$BASE" "$u" "$PASSWORD" "$N" /api/supervision/notices "/api/supervision/notices?page=20" \
     /supervision/notices /api/supervision/warnings /supervision '/supervision?page=5' '/api/supervision/warnings?level=RED' \
     /progress/matrix '/progress/matrix?page=5' /closure '/closure?ended=true' /insight/unit 2>&1
done
