#!/usr/bin/env bash
# syscalls.sh SIDE JAR DATA PORT OUT: counts a busy machine does not move: the app's system calls, context switches
# and CPU (perf stat: raw_syscalls:sys_enter, context-switches, task-clock over the JVM's threads) per Q2 request of
# the root and a county office, 8 clients (bench/measure.py, as the benchmark) for 15 s after a 20 s warm-up
cd "$(dirname "$0")/../../.."
side=$1; jar=$2; data=$3; port=$4; out=$5; mkdir -p $out
java -jar $jar --server.port=$port --rectify.data-dir=$data --db-scheduler.enabled=false >$out/app-$side.log 2>&1 & pid=$!
for i in $(seq 1 600); do
  curl -fs -o /dev/null -u "g1-office:bench-pass-2026" "http://127.0.0.1:$port/api/tasks?size=1" && break; sleep 0.5
done
export PGHOST=127.0.0.1 PGUSER=rectify_owner PGDATABASE=postgres PGPORT=$(sed -n 4p $data/postgres/postmaster.pid)
export PGPASSWORD=$(sed -n 's/^rectify_owner=//p' $data/postgres-passwords.properties)
CITIES=$(psql -X -At -c "select coalesce(json_agg(id order by id), '[]') from unit where level = 'CITY'")
tok() { curl -fsS -u "$1:bench-pass-2026" -H 'Content-Type: application/json' -d '{"name":"sc","days":1}' http://127.0.0.1:$port/api/account/tokens | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])'; }
ROOT=$(tok g1-office); COUNTY=$(tok g1-c01-k01-office)
python3 - $out $port "$CITIES" $ROOT $COUNTY <<'PY'
import json, sys
out, port, cities, root, county = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4], sys.argv[5]
b = f'http://127.0.0.1:{port}'
json.dump({'base': b, 'roles': {'root-office': {'token': root, 'cities': cities}, 'county-office': {'token': county}}}, open(f'{out}/setup.json', 'w'))
json.dump({'base': b, 'roles': {'root-office': {'token': root, 'cities': cities}}}, open(f'{out}/root.json', 'w'))
json.dump({'base': b, 'roles': {'county-office': {'token': county}}}, open(f'{out}/county.json', 'w'))
PY
python3 bench/measure.py $out/setup.json --ops q2 --threads 8 --duration 20 --warmup 0 >/dev/null
for role in county root; do
  echo "$side $role load $(cut -d' ' -f1-3 /proc/loadavg)" >>$out/perf-$side.txt
  perf stat -x, -e raw_syscalls:sys_enter,context-switches,task-clock -p $pid -o $out/perf-$side-$role.csv &
  perfpid=$!
  python3 bench/measure.py $out/$role.json --ops q2 --threads 8 --duration 15 --warmup 0 >$out/$side-$role.jsonl
  kill -INT $perfpid; wait $perfpid
  python3 - $out/perf-$side-$role.csv $out/$side-$role.jsonl "$side $role" >>$out/perf-$side.txt <<'PY'
import json, sys
ops = json.loads(open(sys.argv[2]).read())['ops']
vals = {}
for line in open(sys.argv[1]):
    f = line.strip().split(',')
    if len(f) > 2 and f[0].replace('.', '').isdigit():
        vals[f[2]] = float(f[0])
print(f"{sys.argv[3]}: {ops} ops; per op: syscalls {vals.get('raw_syscalls:sys_enter', 0) / ops:.1f}, "
      f"context switches {vals.get('context-switches', 0) / ops:.2f}, JVM CPU {vals.get('task-clock', 0) / ops:.3f} ms")
PY
done
kill $pid; wait $pid 2>/dev/null; sleep 2
