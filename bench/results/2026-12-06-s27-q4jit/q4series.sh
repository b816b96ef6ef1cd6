#!/usr/bin/env bash
# Q4 over time on one running app: windows of 30 s, fresh slots each; C2 CPU per window
# q4series.sh DIR PORT JAR WINDOWS [JAVA_OPTS]
DIR=$1; PORT=$2; JAR=$3; W=$4; JO=${5:-}
cd /work/main
java $JO -jar $JAR --server.port=$PORT --rectify.data-dir=$DIR --db-scheduler.enabled=false > /tmp/s27/series-$PORT.log 2>&1 &
APP=$!
until curl -fs -o /dev/null http://127.0.0.1:$PORT/login; do sleep 1; done
export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres PGPORT=$(sed -n 4p $DIR/postgres/postmaster.pid)
export PGPASSWORD=$(sed -n 's/^rectify_owner=//p' "$DIR/postgres-passwords.properties")
python3 - $DIR $PORT <<'PY'
import json, subprocess, sys
port = sys.argv[2]
staff = subprocess.run(['psql','-X','-At','-c',"select username||' '||unit_id from account where role = 'UNIT_STAFF' and username like 'g1-c%-k%' order by id limit 64"], capture_output=True, text=True, check=True).stdout.split()
tok = {}
for u, unit in zip(staff[0::2], staff[1::2]):
    out = subprocess.run(['curl','-fsS','-u',f'{u}:bench-pass-2026','-H','Content-Type: application/json','-d','{"name":"series","days":1}',f'http://127.0.0.1:{port}/api/account/tokens'], capture_output=True, text=True, check=True).stdout
    tok[int(unit)] = json.loads(out)['secret']
units = ','.join(str(u) for u in tok)
rows = subprocess.run(['psql','-X','-At','-F',' ','-c', f"""
 select tu.task_id, c.id, tu.unit_id from task_unit tu join task t on t.id = tu.task_id and tu.role = 'LEAD'
 join reporting_cycle c on c.plan_id = t.plan_id
 where tu.unit_id in ({units}) and t.status in ('ASSIGNED','IN_PROGRESS','CLOSURE_REQUESTED','ONGOING','REOPENED')
   and c.period_start <= current_date - 1
   and not exists (select 1 from report_slot r where r.cycle_id = c.id and r.task_id = t.id and r.unit_id = tu.unit_id)"""],
 capture_output=True, text=True, check=True).stdout.split('\n')
slots = [[tok[int(r.split()[2])]] + [int(x) for x in r.split()] for r in rows if r.strip()]
print(len(slots), 'free slots of', len(tok), 'staff', file=sys.stderr)
json.dump(slots, open(f'/tmp/s27/series-slots-{port}.json','w'))
PY
N=$(python3 -c "import json;print(len(json.load(open('/tmp/s27/series-slots-$PORT.json'))))"); PER=$((N / W))
for w in $(seq 1 $W); do
  python3 - $PORT $w $PER <<'PY'
import json, sys
port, w, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
s = json.load(open(f'/tmp/s27/series-slots-{port}.json'))[(w-1)*per:w*per]
setup = json.load(open('/tmp/s27/q4g-run/setup.json'))
json.dump({'base': f'http://127.0.0.1:{port}', 'roles': {'unit-staff': {'token': s[0][0], 'slots': s}}}, open(f'/tmp/s27/series-{port}-w.json','w'))
PY
  c0=$(for t in /proc/$APP/task/*; do case "$(cat $t/comm)" in C2*) awk '{print $14+$15}' $t/stat;; esac; done | paste -sd+ | bc)
  a0=$(awk '{print $14+$15}' /proc/$APP/stat)
  r=$(python3 bench/measure.py /tmp/s27/series-$PORT-w.json --ops q4 --threads 8 --duration ${DUR:-20} --warmup 0 | tail -1)
  c1=$(for t in /proc/$APP/task/*; do case "$(cat $t/comm)" in C2*) awk '{print $14+$15}' $t/stat;; esac; done | paste -sd+ | bc)
  a1=$(awk '{print $14+$15}' /proc/$APP/stat)
  echo "$(date +%H:%M:%S) w$w c2_ticks=$((c1-c0)) jvm_ticks=$((a1-a0)) load=$(cut -d' ' -f1 /proc/loadavg) $(echo "$r" | python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); print(d.get("ops_per_s", d))')"
done
kill $APP; wait $APP
