#!/usr/bin/env bash
# bytes allocated per request (JFR jdk.ThreadAllocationStatistics of the request threads over N sequential requests)
# usage: alloc.sh NAME JAR [extra app options]
set -u
NAME=$1; JAR=$2; EXTRA=${3:-}; O=/tmp/s14-s14-due-out; D=/tmp/s14-s14-due-bench; S=$O/before0/setup.json
cd /work/wt/s14-due; mkdir -p $O/$NAME
java -jar $JAR --server.port=18171 --rectify.data-dir=$D --spring.flyway.out-of-order=true --db-scheduler.enabled=false $EXTRA > $O/$NAME/app.log 2>&1 &
APP=$!
for i in $(seq 1 400); do curl -fs -o /dev/null -u g1-office:bench-pass-2026 "http://127.0.0.1:18171/api/tasks?size=1" && break; sleep 1; done
python3 - $S $O/$NAME $APP <<'PY'
import json, sys, http.client, subprocess, re, collections, random
setup, out, pid = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
host, port = setup['base'].split('//')[1].split(':')
def run(role, path_of, n):
    c = http.client.HTTPConnection(host, int(port)); tok = setup['roles'][role]['token']
    for i in range(n):
        c.request('GET', path_of(i), headers={'Authorization': 'Bearer ' + tok}); r = c.getresponse(); r.read(); assert r.status == 200
def first_tasks(role):
    c = http.client.HTTPConnection(host, int(port)); tok = setup['roles'][role]['token']
    c.request('GET', '/api/tasks?status=ASSIGNED&status=IN_PROGRESS&status=ONGOING&status=REOPENED&status=CLOSURE_REQUESTED&sort=DEADLINE&size=200', headers={'Authorization': 'Bearer ' + tok})
    return [t['id'] for t in json.loads(c.getresponse().read())['tasks']]
N = 300
plan = [('county-office', 'due', lambda i: '/api/progress/due'), ('unit-staff', 'due', lambda i: '/api/progress/due')]
for role in ['root-office', 'county-office', 'unit-staff']:
    ids = first_tasks(role); plan.append((role, 'task', lambda i, ids=ids: f'/api/tasks/{ids[i % len(ids)]}'))
res = []
for role, op, path_of in plan:
    run(role, path_of, N)  # warm
    f = f'{out}/{role}-{op}.jfr'
    subprocess.run(['jcmd', pid, 'JFR.start', 'name=a', 'settings=default', f'filename={f}'], capture_output=True, check=True)
    run(role, path_of, N)
    subprocess.run(['jcmd', pid, 'JFR.stop', 'name=a'], capture_output=True, check=True)
    js = json.loads(subprocess.run(['jfr', 'print', '--json', '--events', 'jdk.ThreadAllocationStatistics', f], capture_output=True, text=True).stdout)
    per = collections.defaultdict(list)
    for ev in js['recording']['events']:
        v = ev['values']; name = (v.get('thread') or {}).get('javaName') or ''
        if 'http-nio' in name:
            per[name].append(float(v['allocated']))
    total = sum(max(v) - min(v) for v in per.values())
    res.append(f'{role} {op}: {total / N / 1024:.1f} kB allocated per request (request threads, {N} requests)')
    print(res[-1], flush=True)
open(f'{out}/alloc.txt', 'w').write('\n'.join(res) + '\n')
PY
kill $APP; wait $APP 2>/dev/null
