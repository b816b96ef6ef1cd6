#!/usr/bin/env bash
# Where a Q2's JVM time goes (s24-read): the app on DATA, warmed by Q2 of both roles, then async-profiler (Maven
# Central's tools.profiler:async-profiler, its linux-x64 library loaded by jcmd JVMTI.agent_load) over each role's
# Q2 alone, as folded stacks of the request threads.
#   JAR=/tmp/s24-a.jar DATA=/tmp/copy PORT=18301 OUT=dir AP=/tmp/s24-read-ap/linux-x64/libasyncProfiler.so bash profile.sh
set -euo pipefail
JAR=${JAR:?}; DATA=${DATA:?}; PORT=${PORT:-18301}; OUT=${OUT:?}; AP=${AP:?}; EVENT=${EVENT:-cpu}; SECS=${SECS:-20}
BENCH=$(cd "$(dirname "$0")/../../.." && pwd); PASS=bench-pass-2026; BASE=http://127.0.0.1:$PORT
mkdir -p "$OUT"
java ${JAVA_OPTS:-} -jar "$JAR" --server.port=$PORT --rectify.data-dir="$DATA" >"$OUT/app.log" 2>&1 & APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs -o /dev/null -u "g1-office:$PASS" "$BASE/api/tasks?size=1" && break; sleep 0.5
done
export PGHOST=127.0.0.1 PGUSER=rectify_owner PGDATABASE=postgres PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
export PGPASSWORD=$(sed -n 's/^rectify_owner=//p' "$DATA/postgres-passwords.properties")
CITIES=$(psql -X -At -c "select coalesce(json_agg(id order by id), '[]') from unit where level = 'CITY'")
tok() { curl -fsS -u "$1:$PASS" -H 'Content-Type: application/json' -d '{"name":"bench","days":1}' $BASE/api/account/tokens | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])'; }
ROOT=$(tok g1-office); COUNTY=$(tok g1-c01-k01-office)
python3 - "$OUT" "$BASE" "$CITIES" "$ROOT" "$COUNTY" <<'PY'
import json, sys
out, base, cities, root, county = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4], sys.argv[5]
r = {'token': root, 'cities': cities}; c = {'token': county}
json.dump({'base': base, 'roles': {'root-office': r, 'county-office': c}}, open(f'{out}/setup.json', 'w'))
json.dump({'base': base, 'roles': {'root-office': r}}, open(f'{out}/root.json', 'w'))
json.dump({'base': base, 'roles': {'county-office': c}}, open(f'{out}/county.json', 'w'))
PY
echo "warm: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/load.txt"
python3 "$BENCH/bench/measure.py" "$OUT/setup.json" --ops q2 --threads 8 --duration ${WARM:-20} --warmup 0 >"$OUT/warm.jsonl"
for role in root county; do
  echo "$role: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/load.txt"
  jcmd $APP JVMTI.agent_load "$AP" "\"start,event=$EVENT,interval=${INTERVAL:-1ms},threads\"" >/dev/null
  python3 "$BENCH/bench/measure.py" "$OUT/$role.json" --ops q2 --threads 8 --duration "$SECS" --warmup 0 >"$OUT/$role.jsonl"
  jcmd $APP JVMTI.agent_load "$AP" "\"stop,file=$OUT/$role.collapsed,collapsed\"" >/dev/null
done
