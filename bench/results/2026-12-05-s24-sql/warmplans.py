#!/usr/bin/env python3
"""How many of a fresh app's ledger statements PostgreSQL parses and plans again (issue 14, s24-sql): 8 keep-alive
clients send root Q2 (a random city-level unit per request, as bench/measure.py) for SECONDS on an app just started on
a copy that logs every statement's phases (see roundtrips.py), then the log is read per 5 s: page statements executed
unnamed (parsed and planned at that request: pgjdbc before its prepareThreshold) and named (prepared), and the logged
parse + bind time of each kind.
  python3 warmplans.py BASE DATA SECONDS [user] [op]"""
import collections, datetime, glob, http.client, json, os, random, re, subprocess, sys, threading, time, base64
base, data, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
user = sys.argv[4] if len(sys.argv) > 4 else 'g1-office'
op = sys.argv[5] if len(sys.argv) > 5 else 'q2'
host, port = base.split('//')[1].split(':')
OPEN = '&'.join('status=' + s for s in ['ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'ONGOING', 'REOPENED'])
Y = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
env = dict(os.environ, PGHOST='localhost', PGUSER='postgres', PGDATABASE='postgres',
           PGPORT=open(f'{data}/postgres/postmaster.pid').read().split('\n')[3].strip(),
           PGPASSWORD=re.search(r'^postgres=(.*)$', open(f'{data}/postgres-passwords.properties').read(), re.M).group(1))
psql = lambda sql: subprocess.run(['psql', '-X', '-At', '-c', sql], env=env, capture_output=True, text=True, check=True).stdout.strip()
cities = json.loads(psql("select coalesce(json_agg(id order by id), '[]') from unit where level = 'CITY'"))
c = http.client.HTTPConnection(host, int(port))
c.request('POST', '/api/account/tokens', body=json.dumps({'name': 'probe', 'days': 1}), headers={
    'Authorization': 'Basic ' + base64.b64encode(f'{user}:bench-pass-2026'.encode()).decode(), 'Content-Type': 'application/json'})
tok = json.loads(c.getresponse().read())['secret']
psql('select pg_rotate_logfile()'); time.sleep(0.5)
log = max(glob.glob(f'{data}/postgres/log/*'), key=os.path.getmtime)
start = time.time(); done = [0]
def client():
    c = http.client.HTTPConnection(host, int(port)); rnd = random.Random()
    while time.time() - start < seconds:
        city = f'&leadUnitId={rnd.choice(cities)}' if user == 'g1-office' and op == 'q2' else ''
        q = f'/api/tasks?{OPEN}&deadlineTo={Y}{city}&sort=DEADLINE&size=50' if op == 'q2' else f'/api/tasks?{OPEN}&sort=DEADLINE&size=50'
        c.request('GET', q, headers={'Authorization': 'Bearer ' + tok})
        r = c.getresponse(); r.read(); done[0] += 1
ts = [threading.Thread(target=client) for _ in range(8)]
[t.start() for t in ts]; [t.join() for t in ts]
time.sleep(0.5)
LINE = re.compile(r'^\S+ (\d\d):(\d\d):(\d\d)\.\d+ UTC \[(\d+)\] LOG:  duration: ([0-9.]+) ms  (parse|bind|execute) (\S+): select "task"\."id"')
t0 = None; win = collections.defaultdict(collections.Counter); backends = set()
for l in open(log, errors='replace'):
    m = LINE.match(l)
    if not m:
        continue
    h, mi, s, pid, d, phase, name = m.groups()
    t = int(h) * 3600 + int(mi) * 60 + int(s); t0 = t0 or t; w = (t - t0) // 5 * 5
    kind = 'named' if name.startswith('S_') else 'unnamed'
    win[w][f'{phase} {kind}'] += 1; win[w][f'{phase} {kind} ms'] += float(d); backends.add(pid)
print(f'{user} {op}: {done[0]} requests in {seconds:.0f} s, {len(backends)} backends, load {open("/proc/loadavg").read().split()[0]}')
print('window | executes unnamed | executes named | parse+bind ms per request')
for w in sorted(win):
    k = win[w]; n = k['execute unnamed'] + k['execute named']
    pb = sum(v for kk, v in k.items() if kk.endswith(' ms') and not kk.startswith('execute'))
    print(f'{w:>3}-{w + 5:<3} | {k["execute unnamed"]:>6} | {k["execute named"]:>6} | {pb / max(n, 1):.3f}')
