#!/usr/bin/env python3
"""CPU per request, which a busy machine moves far less than throughput: the JVM's and PostgreSQL's CPU (utime+stime
of the app and of the data directory's postmaster and its children) over N sequential keep-alive Q1 and Q2 requests
per role after N/2 unmeasured ones. Usage: python3 bench/cpu-per-request.py OUT/setup.json APP_PID DATA N [OPS] (run.sh's
setup; OPS "q1 q2" by default, also "due": the unit's due list, for the roles that measure it)"""
import json, os, sys, time, http.client, datetime
setup, app, pgdata, n = json.load(open(sys.argv[1])), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
OPS = (sys.argv[5] if len(sys.argv) > 5 else 'q1 q2').split()
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from proccpu import HZ, ticks, pg_ticks  # noqa: E402
OPEN = '&'.join('status=' + s for s in ['ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'ONGOING', 'REOPENED'])
Y = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
u = setup['base'].split('//')[1]; host, port = u.split(':')
for role in ['root-office', 'county-office', 'unit-staff']:
    cfg = setup['roles'][role]; tok = cfg['token']
    for op in [o for o in OPS if o not in cfg.get('skip', [])]:
        cities = cfg.get('cities') or []
        def path(i):
            city = f"&leadUnitId={cities[i % len(cities)]}" if cities and op == 'q2' else ''
            if op == 'due':
                return '/api/progress/due'
            return f'/api/tasks?{OPEN}&sort=DEADLINE&size=50' if op == 'q1' else f'/api/tasks?{OPEN}&deadlineTo={Y}{city}&sort=DEADLINE&size=50'
        c = http.client.HTTPConnection(host, int(port))
        def call(i):
            c.request('GET', path(i), headers={'Authorization': 'Bearer ' + tok}); r = c.getresponse(); b = r.read()
            assert r.status == 200, r.status
            return len(b)
        for i in range(n // 2): call(i)
        j0, p0, t0 = ticks(app), pg_ticks(pgdata), time.perf_counter(); lat = []; size = 0
        for i in range(n):
            a = time.perf_counter(); size = call(i); lat.append(time.perf_counter() - a)
        j1, p1, t1 = ticks(app), pg_ticks(pgdata), time.perf_counter()
        lat.sort()
        print(f"{role} {op}: JVM {1000*(j1-j0)/HZ/n:.3f} ms CPU/req, PG {1000*(p1-p0)/HZ/n:.3f} ms CPU/req, "
              f"p50 {1000*lat[n//2]:.2f} ms, bytes {size}", flush=True)
