#!/usr/bin/env bash
# setup.sh BASE OUT.json: run.sh's setup.json (tokens of the root office, g1-c01-k01-office, the first staff; the cities), no slots
base=$1; P=bench-pass-2026
tok() { curl -s -u "$1:$P" -H 'Content-Type: application/json' -d '{"name":"bench","days":1}' $base/api/account/tokens | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])'; }
STAFF=$(psql -X -At -c "select username from account where role = 'UNIT_STAFF' and username like 'g1-c%-k%' order by id limit 1")
CITIES=$(psql -X -At -c "select coalesce(json_agg(id order by id), '[]') from unit where level = 'CITY'")
cat > $2 <<J
{"base": "$base", "roles": {"root-office": {"token": "$(tok g1-office)", "cities": $CITIES, "skip": ["due"]},
 "county-office": {"token": "$(tok g1-c01-k01-office)"}, "unit-staff": {"token": "$(tok $STAFF)"}}}
J
