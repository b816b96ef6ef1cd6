#!/usr/bin/env python3
"""Serialization's share of each operation's request CPU, for bench/floortable.py: runs each role's operations one
client at a time against an app started under a flight recording (-XX:StartFlightRecording=settings=profile), then
reads the recording: per operation, the share of the request threads' execution samples inside Jackson's writer.
  python3 bench/jacksonshare.py OUT/setup.json APP_PID SECONDS REC.jfr > shares.jsonl   (BASE: another port)
OPS: q1 q2 q3 insight task due, the roles that measure each (bench/requestcost.py's paths)."""
import json, os, subprocess, sys, time, http.client, datetime
setup, app, secs, rec = json.load(open(sys.argv[1])), sys.argv[2], float(sys.argv[3]), sys.argv[4]
host, port = os.environ.get('BASE', setup['base']).split('//')[1].split(':')
OPEN = '&'.join('status=' + s for s in ['ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'ONGOING', 'REOPENED'])
Y = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
windows = []
for role in ['root-office', 'city-office', 'county-office', 'unit-staff']:
    cfg = setup['roles'][role]
    c = http.client.HTTPConnection(host, int(port))

    def get(path):
        c.request('GET', path, headers={'Authorization': 'Bearer ' + cfg['token']})
        r = c.getresponse(); b = r.read(); assert r.status == 200, (path, r.status); return b
    ids = [t['id'] for t in json.loads(get(f'/api/tasks?{OPEN}&sort=DEADLINE&size=200'))['tasks']]
    cities = cfg.get('cities') or []
    paths = {'q1': lambda i: f'/api/tasks?{OPEN}&sort=DEADLINE&size=50',
             'q2': lambda i: f'/api/tasks?{OPEN}&deadlineTo={Y}' + (f'&leadUnitId={cities[i % len(cities)]}' if cities else '') + '&sort=DEADLINE&size=50',
             'q3': lambda i: '/api/tasks/count', 'insight': lambda i: '/api/insight',
             'task': lambda i: f'/api/tasks/{ids[i % len(ids)]}', 'due': lambda i: '/api/progress/due'}
    for op, path in paths.items():
        if op in cfg.get('skip', []):
            continue
        for i in range(200):
            get(path(i))
        t0 = time.time(); i = 0
        while time.time() - t0 < secs:
            get(path(i)); i += 1
        windows.append((role, op, t0, time.time(), i))
subprocess.run(['jcmd', app, 'JFR.dump', f'filename={rec}'], capture_output=True, check=True)
events = json.loads(subprocess.run(['jfr', 'print', '--json', '--stack-depth', '256', '--events', 'jdk.ExecutionSample', rec],
                                   capture_output=True, text=True, check=True).stdout)['recording']['events']
stamp = lambda t: datetime.datetime.fromisoformat(t.replace('Z', '+00:00')).timestamp()
samples = []
for e in events:
    v = e['values']
    if ((v.get('sampledThread') or {}).get('javaName') or '').startswith('http-nio'):
        fr = [f"{f['method']['type']['name']}.{f['method']['name']}" for f in (v.get('stackTrace') or {}).get('frames', [])]
        samples.append((stamp(v['startTime']), any('AbstractJacksonHttpMessageConverter.writeInternal' in f for f in fr)))
for role, op, a, b, n in windows:
    inside = [j for t, j in samples if a <= t <= b]
    print(json.dumps({'role': role, 'op': op, 'requests': n, 'samples': len(inside),
                      'jackson': round(100 * sum(inside) / len(inside), 1) if inside else 0.0}), flush=True)
