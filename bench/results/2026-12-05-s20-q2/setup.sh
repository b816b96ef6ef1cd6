#!/usr/bin/env bash
# $1 port $2 data $3 out.json
set -e
PORT=$1; DATA=$2; PASS=bench-pass-2026; BASE=http://127.0.0.1:$PORT
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
export PGPASSWORD=$(sed -n 's/^rectify_owner=//p' "$DATA/postgres-passwords.properties")
CITIES=$(psql -X -At -c "select coalesce(json_agg(id order by id), '[]') from unit where level = 'CITY'")
STAFF=$(psql -X -At -c "select username from account where role = 'UNIT_STAFF' and username like 'g1-c%-k%' order by id limit 1")
tok() { curl -fsS -u "$1:$PASS" -H 'Content-Type: application/json' -d '{"name":"bench","days":1}' $BASE/api/account/tokens | python3 -c 'import json,sys;print(json.load(sys.stdin)["secret"])'; }
cat > $3 <<J
{"base": "$BASE", "roles": {"root-office": {"token": "$(tok g1-office)", "cities": $CITIES},
 "county-office": {"token": "$(tok g1-c01-k01-office)"}, "unit-staff": {"token": "$(tok $STAFF)"}}}
J
