#!/usr/bin/env bash
# The benchmark in one command (issue 14): generated province, app started on it, warm-up, then
# Q1-Q4, the task page and the unit's due list as a root office, a county office and unit staff,
# closed loop with 8 keep-alive clients (bench/measure.py), and the SQL floor (bench/sqlfloor.py:
# every statement of one warm request of each kind, EXPLAIN ANALYZE, median of 5).
#   TASKS=100000 bash bench/run.sh          results in target/bench/<time>-<tasks>/
# Env: TASKS (100000), DATA (/tmp/rectify-bench-$TASKS, generated when absent), PORT (18106),
#      JAR (target/rectify.jar), JAVA_OPTS (the JVM's, e.g. a flight recording), THREADS (8), DURATION (30 s per op),
#      WARMUP (5 s), OPS ("q1 q2 q3 insight task due q4"), SKIP_SQL=1, CLIENT (python, wrk or both: the load client, see below)
set -euo pipefail
cd /work/wt/s10-q4
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
      return
    fi
    sleep 0.5
  done
  log "the app did not start: see $OUT/app.log"; exit 1
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
CITIES=$(psql -X -At -c "select coalesce(json_agg(id order by id), '[]') from unit where level = 'CITY'")
# the filtered dashboard: the plan with the most tasks, and its largest item below the top level (二(三); the
# generator's refs are numbers: "1" is 1, 10-19, 100-199, ...), which the kept counts cannot answer: counted live
PLAN=$(psql -X -At -c "select plan_id from task group by plan_id order by count(*) desc, plan_id limit 1")
ITEM=$(psql -X -At -c "select coalesce(substring(ref from '^[^(]+[(][^)]+[)]'), left(ref, 1)) s from task
  where plan_id = $PLAN group by s order by count(*) desc, s limit 1")
python3 - "$OUT/setup.json" "$BASE" "$CITIES" "$PLAN" "$ITEM" <<PY
import json, subprocess, sys
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
slots = []
for u in staff:
    s = secret(u)
    rows = subprocess.run(['psql', '-X', '-At', '-F', ' ', '-c', f"""
      select tu.task_id, c.id, tu.unit_id from account a join task_unit tu on tu.unit_id = a.unit_id and tu.role = 'LEAD'
      join task t on t.id = tu.task_id join reporting_cycle c on c.plan_id = t.plan_id
      where a.username = '{u}' and t.status in ('ASSIGNED','IN_PROGRESS','CLOSURE_REQUESTED','ONGOING','REOPENED')
        and c.period_start <= current_date - 1
        and not exists (select 1 from report_slot r where r.cycle_id = c.id and r.task_id = t.id and r.unit_id = tu.unit_id)
      order by c.id desc limit 1500"""], capture_output=True, text=True, check=True).stdout.split('\n')
    slots += [[s] + [int(x) for x in r.split()] for r in rows if r.strip()]
json.dump({'base': base, 'roles': {
    # the province's own due list is every county's tasks at once (a page for no one): the due list is measured
    # where a unit reads it
    'root-office': {'token': secret('g1-office'), 'cities': cities, 'skip': ['due'], 'filters': filters},
    # a city office's dashboard (the issue's 1.19 s); its other operations are the county office's at city size
    'city-office': {'token': secret('g1-c01-office'), 'skip': ['q1', 'q2', 'q3', 'task', 'due']},
    'county-office': {'token': secret('$COUNTY')},
    'unit-staff': {'token': secret(staff[0]), 'slots': slots[20:], 'floor_slots': slots[:20]}}}, open(out, 'w'))
print(f'{len(staff)} staff accounts, {len(slots)} free report slots for Q4', file=sys.stderr)
PY

# ---- s10-q4: warm up, then one measured window with the CPU of the JVM and of every PostgreSQL process, commits, WAL
cpu() { # clock ticks of the app's JVM, and of the postmaster and all its children
  local pm=$(head -1 "$DATA/postgres/postmaster.pid")
  local j=$(awk '{print $14+$15}' /proc/$APP/stat)
  local p=0; for c in $pm $(pgrep -P $pm); do p=$((p + $(awk '{print $14+$15}' /proc/$c/stat 2>/dev/null || echo 0))); done
  echo "$j $p"
}
dbstat() { psql -X -At -F ' ' -c "select xact_commit, (select wal_records from pg_stat_wal), (select wal_bytes from pg_stat_wal), (select coalesce(sum(fsyncs),0) from pg_stat_io where object='wal') from pg_stat_database where datname = current_database()"; }
python3 - "$OUT" <<'PY'
import json, sys
s = json.load(open(f'{sys.argv[1]}/setup.json')); st = s['roles']['unit-staff']; slots = st['slots']; half = len(slots) // 2
if __import__('os').environ.get('NEWEST') == '1':  # pop() takes the newest cycles first: reports on time, cycles not yet due
    slots = slots[::-1]
st['slots'] = slots[:half]; json.dump(s, open(f'{sys.argv[1]}/setup-warm.json', 'w'))
st['slots'] = slots[half:]; json.dump(s, open(f'{sys.argv[1]}/setup-run.json', 'w'))
print(f'{half} slots to warm up, {len(slots) - half} to measure', file=sys.stderr)
PY
log "warm-up: ${WARMUP}s of q4"
python3 bench/measure.py "$OUT/setup-warm.json" --ops q4 --threads "$THREADS" --duration "$WARMUP" --warmup 0 --out "$OUT/warmup.jsonl" >/dev/null
sleep 12; C0=$(cpu); D0=$(dbstat)
python3 bench/measure.py "$OUT/setup-run.json" --ops q4 --threads "$THREADS" --duration "$DURATION" --warmup 0 --out "$OUT/results.jsonl" >/dev/null
C1=$(cpu); sleep 12; D1=$(dbstat)
# the measured reports' cycles: how many were past their due date (a report on those is handed to the warning triggers)
N=$(python3 -c "import json; print(json.loads(open('$OUT/results.jsonl').readlines()[-1])['ops'])")
IDS=$(python3 -c "import json; s=json.load(open('$OUT/setup-run.json'))['roles']['unit-staff']['slots']; print(','.join(str(x[2]) for x in s[len(s)-$N:]))")
psql -X -At -c "select 'cycles of the measured reports: ' || count(*) filter (where c.due_on < current_date) || ' past due, ' || count(*) filter (where c.due_on >= current_date) || ' not yet due' from unnest(array[$IDS]::bigint[]) i join reporting_cycle c on c.id = i" | tee "$OUT/due.txt"
python3 - "$OUT" "$C0" "$C1" "$D0" "$D1" <<'PY' | tee "$OUT/results.md"
import json, os, sys
out, c0, c1, d0, d1 = sys.argv[1], *[list(map(float, a.split())) for a in sys.argv[2:]]
r = [json.loads(l) for l in open(f'{out}/results.jsonl')][-1]
n, hz = r['ops'], os.sysconf('SC_CLK_TCK')
jvm, pg = (c1[0] - c0[0]) / hz * 1000 / n, (c1[1] - c0[1]) / hz * 1000 / n
print(f"ops {n} in {r['duration_s']}s: {r['ops_per_s']} ops/s, p50 {r['p50_ms']} p95 {r['p95_ms']} ms, errors {r['errors']}; "
      f"CPU per submission JVM {jvm:.2f} ms + PostgreSQL {pg:.2f} ms = {jvm + pg:.2f} ms; "
      f"per submission: commits {(d1[0]-d0[0]-1)/n:.2f}, WAL records {(d1[1]-d0[1])/n:.1f}, WAL bytes {(d1[2]-d0[2])/n:.0f}, WAL fsyncs {(d1[3]-d0[3])/n:.2f}")
PY
log "results in $OUT"
