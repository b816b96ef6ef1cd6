#!/usr/bin/env python3
"""What one request costs, as counts a shared machine moves little: the JVM's and PostgreSQL's CPU (utime + stime of
the app and of the data directory's postmaster and its children), the bytes the request threads allocate (a flight
recording's jdk.ThreadAllocationStatistics around the measured requests) and the answer's bytes, over N sequential
keep-alive requests after N/2 unmeasured ones, per role and operation (one client: no wait for a turn); the answers'
mean bytes and rows shown (tasks, or the due list's items and supported tasks: bench/pagerows.py), since root Q2's
pages over the city-level units are fuller at a larger size.
  python3 bench/requestcost.py OUT/setup.json APP_PID DATA N [OPS]   (run.sh's setup; OPS default "due")
OPS: q1 q2 q3 task due insight (the roles that measure each, as bench/measure.py)."""
import collections, datetime, http.client, json, os, subprocess, sys, tempfile, time
setup, app, pgdata, n = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3], int(sys.argv[4])
OPS = (sys.argv[5] if len(sys.argv) > 5 else 'due').split()
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from proccpu import HZ, ticks, pg_ticks  # noqa: E402
from pagerows import rows  # noqa: E402

OPEN = '&'.join('status=' + s for s in ['ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'ONGOING', 'REOPENED'])
Y = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
host, port = os.environ.get('BASE', setup['base']).split('//')[1].split(':')  # BASE: another port than run.sh's


def allocated(rec):
    js = json.loads(subprocess.run(['jfr', 'print', '--json', '--events', 'jdk.ThreadAllocationStatistics', rec],
                                   capture_output=True, text=True, check=True).stdout)
    per = collections.defaultdict(list)
    for ev in js['recording']['events']:
        v = ev['values']
        name = (v.get('thread') or {}).get('javaName') or ''
        if 'http-nio' in name:
            per[name].append(float(v['allocated']))
    return sum(max(v) - min(v) for v in per.values())


for role in [r for r in ['root-office', 'county-office', 'unit-staff'] if r in setup['roles']]:
    cfg = setup['roles'][role]
    tok = cfg['token']
    c = http.client.HTTPConnection(host, int(port))

    def get(path):
        c.request('GET', path, headers={'Authorization': 'Bearer ' + tok})
        r = c.getresponse()
        b = r.read()
        assert r.status == 200, (path, r.status)
        return b

    ids = [t['id'] for t in json.loads(get(f'/api/tasks?{OPEN}&sort=DEADLINE&size=200'))['tasks']]
    cities = cfg.get('cities') or []
    for op in [o for o in OPS if o not in cfg.get('skip', [])]:
        def path(i):
            if op == 'due':
                return '/api/progress/due'
            if op == 'task':
                return f'/api/tasks/{ids[i % len(ids)]}'
            if op == 'insight':
                return '/api/insight'
            if op == 'q3':
                return '/api/tasks/count'
            city = f"&leadUnitId={cities[i % len(cities)]}" if cities and op == 'q2' else ''
            return f'/api/tasks?{OPEN}&sort=DEADLINE&size=50' if op == 'q1' else f'/api/tasks?{OPEN}&deadlineTo={Y}{city}&sort=DEADLINE&size=50'
        for i in range(n // 2):
            get(path(i))
        rec = tempfile.mktemp(suffix='.jfr')
        subprocess.run(['jcmd', app, 'JFR.start', 'name=cost', 'settings=default', f'filename={rec}'], capture_output=True, check=True)
        j0, p0, t0 = ticks(app), pg_ticks(pgdata), time.perf_counter()
        lat, size, shown = [], 0, 0
        for i in range(n):
            a = time.perf_counter()
            body = get(path(i))
            lat.append(time.perf_counter() - a)
            size += len(body)
            shown += rows(json.loads(body))
        j1, p1 = ticks(app), pg_ticks(pgdata)
        subprocess.run(['jcmd', app, 'JFR.stop', 'name=cost'], capture_output=True, check=True)
        alloc = allocated(rec)
        os.remove(rec)
        lat.sort()
        print(json.dumps({'role': role, 'op': op, 'n': n, 'jvm_cpu_ms': round(1000 * (j1 - j0) / HZ / n, 3),
                          'pg_cpu_ms': round(1000 * (p1 - p0) / HZ / n, 3), 'alloc_kb': round(alloc / n / 1024, 1),
                          'p50_ms': round(1000 * lat[n // 2], 2), 'bytes': round(size / n), 'rows': round(shown / n, 1), 'load': os.getloadavg()[0]}), flush=True)
