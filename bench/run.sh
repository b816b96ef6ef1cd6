#!/usr/bin/env bash
# The benchmark in one command (issue 14): generated province, app started on it, warm-up, then
# Q1-Q4, the task page and the unit's due list as a root office, a county office and unit staff,
# closed loop with 8 keep-alive clients (bench/measure.py), and the SQL floor (bench/sqlfloor.py:
# every statement of one warm request of each kind, EXPLAIN ANALYZE, median of 5).
#   TASKS=100000 bash bench/run.sh          results in target/bench/<time>-<tasks>/
# Env: TASKS (100000), DATA (/tmp/rectify-bench-$TASKS, generated when absent), PORT (18106),
#      JAR (target/rectify.jar), JAVA_OPTS (the JVM's, e.g. a flight recording or a collector; none named: the JVM's
#      own choice, as bin/rectify), THREADS (8), DURATION (30 s per op),
#      WARMUP (5 s), OPS ("q1 q2 q3 insight task due q4"), SKIP_SQL=1, SKIP_LOAD=1 (the SQL floor only), CLIENT (python, wrk or both: the load client, see below),
#      MEASURE_OPTS (more options of bench/measure.py's measured load, e.g. "--alongside unit-staff:q4:2 --pgstat")
#      Q4_WARM (60000: free slots of other staff accounts kept for Q4's unmeasured warm-up; 0: none), Q4_SETTLED (5:
#      the warm-up goes on in rounds of 5,000 submissions until a round's C2 compiler CPU is at most this % of the JVM's),
#      Q4_SLOTS (3000: free slots taken per staff account for Q4's measured load; session 19 took 1500)
set -euo pipefail
cd "$(dirname "$0")/.."
TASKS=${TASKS:-100000}; DATA=${DATA:-/tmp/rectify-bench-$TASKS}; PORT=${PORT:-18106}
THREADS=${THREADS:-8}; DURATION=${DURATION:-30}; WARMUP=${WARMUP:-5}; OPS=${OPS:-"q1 q2 q3 insight task due q4"}
CLIENT=${CLIENT:-python}
PASS=bench-pass-2026; BASE=http://127.0.0.1:$PORT
OUT=${OUT:-target/bench/$(date +%Y%m%d-%H%M%S)-$TASKS}; mkdir -p "$OUT"
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

JAR=${JAR:-target/rectify.jar} # another build to compare (a jar kept from before a change)
[ -f "$JAR" ] || ./mvnw -o -q -DskipTests package
if [ ! -d "$DATA/postgres" ]; then
  log "generating $TASKS tasks into $DATA"
  java -jar "$JAR" generate --rectify.data-dir="$DATA" --tasks="$TASKS" --password=$PASS --seed=1 \
    | tee "$OUT/generate.txt"
fi

APP=
start_app() { # $1: extra options
  java ${JAVA_OPTS:-} -jar "$JAR" --server.port=$PORT --rectify.data-dir="$DATA" $1 >"$OUT/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 $((${START_WAIT:-300} * 2))); do # START_WAIT: seconds (a loaded machine starts slowly)
    kill -0 "$APP" 2>/dev/null || break
    if curl -fs -o /dev/null "$BASE/login" && curl -fs -o /dev/null -u "g1-office:$PASS" "$BASE/api/tasks?size=1"; then
      export PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid") # the embedded server's port changes at each start
      wait_kept_pages
      return
    fi
    sleep 0.5
  done
  log "the app did not start: see $OUT/app.log"; exit 1
}
# the pages kept at the last stop are read back once the app is ready (platform.KeptPages: 2 GB in 53-86 s under load at
# 100k and 1M, a third of it PostgreSQL's CPU); a node that has run for a few minutes is past it, and measured before
# its end the first windows shared the 2 cores with it (session 33). KEPT_WAIT: seconds at most, 0 skips
wait_kept_pages() {
  [ "${KEPT_WAIT:-900}" != 0 ] && [ -f "$DATA/postgres/autoprewarm.blocks.after-start" ] || return 0
  local started=$SECONDS
  for _ in $(seq 1 $((${KEPT_WAIT:-900} * 2))); do
    if grep -q -e "read back after the start" -e "were not read back" "$OUT/app.log"; then
      log "kept pages read back ($((SECONDS - started)) s after the login): $(grep -o '[0-9]* pages kept.*' "$OUT/app.log" | tail -1)"
      return
    fi
    kill -0 "$APP" 2>/dev/null || return 0
    sleep 0.5
  done
  log "the kept pages were not read back within ${KEPT_WAIT:-900} s: measured beside their reading"
}
stop_app() { [ -n "$APP" ] && kill "$APP" && wait "$APP" 2>/dev/null || true; APP=; }
trap stop_app EXIT

export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres
export PGPASSWORD=$(sed -n 's/^rectify_owner=//p' "$DATA/postgres-passwords.properties")
start_app "${APP_OPTS:-}"
log "analyze (the generator's role may not), then the accounts, tokens and free report slots"
psql -X -q -c "set client_min_messages = error" -c analyze
psql -X -At -c "select 'tasks='||(select count(*) from task)||' task_units='||(select count(*) from task_unit)
  ||' reports='||(select count(*) from progress_report)||' units='||(select count(*) from unit)
  ||' db='||pg_size_pretty(pg_database_size('postgres'))" | tee "$OUT/data.txt"
{ nproc; uptime; git log -1 --oneline; } >"$OUT/machine.txt"

COUNTY=$(psql -X -At -c "select username from account where username ~ '^g1-c01-k01-office$'")
STAFF=$(psql -X -At -c "select username from account where role = 'UNIT_STAFF' and username like 'g1-c%-k%' order by id limit 8")
# Q4_WARM: submissions posted before Q4 is measured, unmeasured, on the next 24 staff accounts' slots (the measured
# accounts stay the same): a production JVM has compiled a submission's path long ago, a fresh one compiles it for
# tens of thousands of submissions on 2 cores (C2's thresholds grow with its queue; session 27: its CPU fell below 5 %
# of the JVM's after ~30,000 behind the reads, ~45,000 without), so the warm-up goes on until the JIT has settled (Q4_SETTLED)
Q4_WARM=$(case " $OPS " in *" q4 "*) echo "${Q4_WARM:-60000}";; *) echo 0;; esac)
WARM_STAFF=; [ "$Q4_WARM" -gt 0 ] && WARM_STAFF=$(psql -X -At -c "select username from account where role = 'UNIT_STAFF' and username like 'g1-c%-k%' order by id offset 8 limit 24")
CITIES=$(psql -X -At -c "select coalesce(json_agg(id order by id), '[]') from unit where level = 'CITY'")
# the filtered dashboard: the plan with the most tasks, and its largest item below the top level (二(三); the
# generator's refs are numbers: "1" is 1, 10-19, 100-199, ...), which the kept counts cannot answer: counted live
PLAN=$(psql -X -At -c "select plan_id from task group by plan_id order by count(*) desc, plan_id limit 1")
ITEM=$(psql -X -At -c "select coalesce(substring(ref from '^[^(]+[(][^)]+[)]'), left(ref, 1)) s from task
  where plan_id = $PLAN group by s order by count(*) desc, s limit 1")
python3 - "$OUT/setup.json" "$BASE" "$CITIES" "$PLAN" "$ITEM" <<PY
import json, random, subprocess, sys
out, base, cities = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
from urllib.parse import urlencode
filters = {'plan': urlencode({'planId': sys.argv[4]})}
if sys.argv[5]:  # the plan's item, and the same item in every plan of the province
    filters['section'] = urlencode({'planId': sys.argv[4], 'section': sys.argv[5]})
    filters['item'] = urlencode({'section': sys.argv[5]})
tok = lambda u: subprocess.run(['bash', '-c', f'''curl -fsS -u "{u}:$PASS" -H 'Content-Type: application/json' -d '{{"name":"bench","days":1}}' $BASE/api/account/tokens'''],
    capture_output=True, text=True, check=True, env={'PASS': '$PASS', 'BASE': base, 'PATH': '/usr/bin:/bin'}).stdout
secret = lambda u: json.loads(tok(u))['secret']
staff = """$STAFF""".split()
def free_slots(u, limit):
    s = secret(u)
    rows = subprocess.run(['psql', '-X', '-At', '-F', ' ', '-c', f"""
      select tu.task_id, c.id, tu.unit_id from account a join task_unit tu on tu.unit_id = a.unit_id and tu.role = 'LEAD'
      join task t on t.id = tu.task_id join reporting_cycle c on c.plan_id = t.plan_id
      where a.username = '{u}' and t.status in ('ASSIGNED','IN_PROGRESS','CLOSURE_REQUESTED','ONGOING','REOPENED')
        and c.period_start <= current_date - 1
        and not exists (select 1 from report_slot r where r.cycle_id = c.id and r.task_id = t.id and r.unit_id = tu.unit_id)
      order by c.id desc limit {limit}"""], capture_output=True, text=True, check=True).stdout.split('\n')
    return [[s] + [int(x) for x in r.split()] for r in rows if r.strip()]
# 3,000 each (24,000): Q4 at 10x Redmine posts ~15,000 in its 5 + 20 s (1,500 each ran out at ~480 ops/s)
slots = [x for u in staff for x in free_slots(u, int('${Q4_SLOTS:-3000}'))]
warm_staff, warm_n = """$WARM_STAFF""".split(), int('$Q4_WARM')
warm = [x for u in warm_staff for x in free_slots(u, -(-warm_n // len(warm_staff)))][:warm_n] if warm_n and warm_staff else []
json.dump({'base': base, 'roles': {
    # the province's own due list is every county's tasks at once (a page for no one): the due list is measured
    # where a unit reads it
    'root-office': {'token': secret('g1-office'), 'cities': cities, 'skip': ['due'], 'filters': filters},
    # a city office's dashboard (the issue's 1.19 s); its other operations are the county office's at city size
    'city-office': {'token': secret('g1-c01-office'), 'skip': ['q1', 'q2', 'q3', 'task', 'due']},
    'county-office': {'token': secret('$COUNTY')},
    'unit-staff': {'token': secret(staff[0]), 'slots': slots[20:], 'floor_slots': slots[:20]}}}, open(out, 'w'))
random.Random(1).shuffle(warm)
for i in range(0, len(warm), 5000):  # Q4's warm-up in rounds, for bench/measure.py
    json.dump({'base': base, 'roles': {'unit-staff': {'token': warm[i][0], 'slots': warm[i:i + 5000]}}},
              open(out.replace('setup.json', f'q4-warm-{i // 5000 + 1:02d}.json'), 'w'))
print(f'{len(staff)} staff accounts, {len(slots)} free report slots for Q4, {len(warm)} for its warm-up', file=sys.stderr)
PY

if [ "${SKIP_SQL:-0}" != 1 ]; then
  log "SQL floor: restart with jOOQ's statement log, one warm request of each kind per role"
  stop_app; start_app "--logging.level.org.jooq.tools.LoggerListener=DEBUG"
  python3 bench/sqlfloor.py "$OUT/setup.json" "$OUT/app.log" "$OUT/sql" | tee "$OUT/explain.md"
  python3 bench/keptfloor.py "$OUT/app.log" "$OUT/sql" >"$OUT/kept.md" # the counts kept totals run now and then
  # SKIP_LOAD=1: the statements only (their plans in $OUT/sql/plans, for bench/growth.py), no load
  [ "${SKIP_LOAD:-0}" = 1 ] && { log "plans in $OUT/sql/plans"; exit 0; }
  stop_app; start_app "${APP_OPTS:-}"
fi

# the rows each page shows at this size (bench/pagerows.py): root Q2's pages over the city-level units, a county's Q2,
# the staff's pages are fuller at a larger size, so their ops/s compare across sizes per row shown, not per page
PAGE_OPS=$(for op in $OPS; do case $op in q1|q2|due) printf '%s ' "$op";; esac; done)
if [ -n "$PAGE_OPS" ]; then
  python3 bench/pagerows.py "$TASKS=$OUT/setup.json" --ops "$PAGE_OPS" >"$OUT/pagerows.md" || log "pagerows failed (not measured)"
fi

# CLIENT: python (bench/measure.py, the loop Redmine's harness mirrors), wrk (bench/wrkload.py: the same requests from a
# C client that takes far less of the 2 cores; q4 too, a Lua script posting the same slots) or both (each read twice,
# Python then wrk; q4 with Python only, as its slots are used once)
# a fresh JVM compiles as it goes: without a pass over every read first, the role measured first (the root office)
# pays the app's whole warm-up inside its 5 s (WARM_START=0 skips it)
READS=$(for op in $OPS; do [ "$op" = q4 ] || printf '%s ' "$op"; done)
if [ "${WARM_START:-3}" != 0 ] && [ -n "$READS" ]; then
  log "warm start: every read of every role for ${WARM_START:-3}s, not measured"
  python3 bench/measure.py "$OUT/setup.json" --ops "$READS" --threads "$THREADS" --duration "${WARM_START:-3}" \
    --warmup 0 --out "$OUT/warm-start.jsonl" >/dev/null
fi
# the JVM's CPU ticks (the process's) and its C2 compiler threads'
jvm_c2_ticks() {
  local c2=0 t v
  for t in /proc/"$APP"/task/*; do
    [[ $(cat "$t/comm" 2>/dev/null) == C2* ]] && v=$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null) && c2=$((c2 + ${v:-0}))
  done
  echo "$(awk '{print $14 + $15}' /proc/"$APP"/stat) $c2"
}
for warm in "$OUT"/q4-warm-*.json; do
  [ -f "$warm" ] || break
  read -r a0 c0 < <(jvm_c2_ticks)
  python3 bench/measure.py "$warm" --ops q4 --threads "$THREADS" --duration 3600 --warmup 0 --out "$OUT/q4-warm.jsonl" >/dev/null
  read -r a1 c1 < <(jvm_c2_ticks)
  share=$(( (c1 - c0) * 100 / ((a1 - a0) > 0 ? (a1 - a0) : 1) ))
  echo "$(basename "$warm" .json): C2 $share % of the JVM's CPU" >>"$OUT/q4-warm.txt"
  log "Q4 warm-up, unmeasured, $(basename "$warm" .json): C2 $share % of the JVM's CPU"
  [ "$share" -le "${Q4_SETTLED:-5}" ] && break
done
log "load ($CLIENT): $THREADS threads, ${WARMUP}s warm-up + ${DURATION}s per operation and role"
if [ "$CLIENT" != wrk ]; then
  python3 bench/measure.py "$OUT/setup.json" --ops "$OPS" --threads "$THREADS" --duration "$DURATION" --warmup "$WARMUP" \
    --out "$OUT/results.jsonl" ${MEASURE_OPTS:-} >/dev/null
fi
if [ "$CLIENT" != python ]; then
  # q4 consumes the free slots: with CLIENT=both the Python client has posted them, so wrk measures the reads only
  WRK_OPS=$([ "$CLIENT" = wrk ] && echo "$OPS" || echo "$READS")
  [ -n "${WRK_OPS// /}" ] && python3 bench/wrkload.py "$OUT/setup.json" --ops "$WRK_OPS" --threads "$THREADS" \
    --duration "$DURATION" --warmup "$WARMUP" --out "$OUT/results.jsonl" >/dev/null
fi
python3 - "$OUT" <<'PY' | tee "$OUT/results.md"
import json, sys
rows = [json.loads(l) for l in open(f'{sys.argv[1]}/results.jsonl')]
rows.sort(key=lambda r: r.get('client', 'python'))  # stable: each client's rows in run order
print('| role | op | client | p50 ms | p95 ms | p99 ms | ops/s | errors |\n|---|---|---|---|---|---|---|---|')
for r in rows:
    print(f"| {r['role']} | {r['query']} | {r.get('client', 'python')} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['ops_per_s']} | {r['errors']} |")
PY
log "results in $OUT"
