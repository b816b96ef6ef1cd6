#!/usr/bin/env bash
# Every download (issue 12/13: workbooks, the dossier, evidence, documents) as each login, one at a time: status, time
# to first byte and to last byte, size, and (with APP_PID) the JVM's peak heap in use while it ran (jstat every 0.2 s:
# live data and garbage not yet collected, so an upper bound).
#   BASE=http://127.0.0.1:18126 APP_PID=1234 PLAN=1 TASK=149 EVIDENCE=156 bash bench/downloads.sh [user ...]
# Each login signs in once through the sign-in form (a session, as a browser: no password hashing per request) and
# requests each address twice, the second timed. Prints a Markdown table.
set -euo pipefail
BASE=${BASE:-http://127.0.0.1:18126}; PASS=${PASS:-bench-pass-2026}
PLAN=${PLAN:-1}; TASK=${TASK:-149}; EVIDENCE=${EVIDENCE:-156}
USERS=("$@"); [ ${#USERS[@]} -gt 0 ] || USERS=(g1-office g1-c01-office g1-c01-k01-office g1-c01-k01-d1-staff
  g1-c01-k01-d1-head g1-leader g1-supervisor g1-admin)
PATHS=${PATHS:-"/insight/ledger.xlsx /inbox?format=xlsx /progress/matrix?planId=$PLAN&format=xlsx
  /supervision?format=xlsx /supervision/notices?format=xlsx /supervision/circulars?format=xlsx
  /supervision/accountability?format=xlsx /plans/$PLAN/breakdown.xlsx /api/tasks/$TASK/dossier /tasks/$TASK/dossier.zip
  /audit/tasks/$TASK/record.docx /progress/evidence/$EVIDENCE /api/progress/evidence/$EVIDENCE"}
ROUNDS=${ROUNDS:-2}
jar=$(mktemp); gc=$(mktemp); trap 'rm -f "$jar" "$gc"' EXIT
echo "| user | path | status | first byte s | last byte s | size bytes | peak heap MB |"
echo "|---|---|---|---|---|---|---|"
for u in "${USERS[@]}"; do
  : >"$jar"
  csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$u" --data-urlencode "password=$PASS" \
    --data-urlencode "_csrf=$csrf" "$BASE/login"
  for p in $PATHS; do
    for round in $(seq 1 "$ROUNDS"); do
      : >"$gc"
      if [ -n "${APP_PID:-}" ]; then jstat -gc "$APP_PID" 200 >"$gc" 2>/dev/null & H=$!; fi
      r=$(curl -s -b "$jar" -o /dev/null --max-time 900 -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' "$BASE$p" || true)
      if [ -n "${APP_PID:-}" ]; then sleep 0.3; kill $H 2>/dev/null; wait $H 2>/dev/null || true; fi
    done
    read -r code first last size <<<"$r"
    peak=$(awk 'NR>1 && $1 ~ /^[0-9]/ {u=($3+$4+$6+$8)/1024; if (u>m) m=u} END {printf "%.0f", m}' "$gc")
    printf '| %s | `%s` | %s | %.2f | %.2f | %s | %s |\n' "$u" "$p" "$code" "$first" "$last" "$size" "$peak"
  done
done
