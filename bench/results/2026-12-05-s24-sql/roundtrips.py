#!/usr/bin/env python3
"""What PostgreSQL receives per ledger request (issue 14, s24-sql): on a copy whose postgresql.conf logs every
statement's phases (logging_collector = on, log_directory = 'log', log_min_duration_statement = 0, log_line_prefix =
'%m [%p] '), sends N warm Q1 / Q2 requests per role with a token, rotating the server's log around each batch, and
counts what the log shows per request: parse / bind / execute messages by statement name (named S_n = prepared by
pgjdbc, <unnamed> = parsed and planned again), simple-protocol statements (BEGIN, SET, SHOW, ...), and the
distinct backends used.
  python3 roundtrips.py BASE DATA N user:op[:city-ids-file] ...   (PASS env, default bench-pass-2026)"""
import collections, datetime, glob, http.client, json, os, random, re, subprocess, sys, time
base, data, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
host, port = base.split('//')[1].split(':')
pw = os.environ.get('PASS', 'bench-pass-2026')
OPEN = '&'.join('status=' + s for s in ['ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'ONGOING', 'REOPENED'])
Y = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
env = dict(os.environ, PGHOST='localhost', PGUSER='postgres', PGDATABASE='postgres',
           PGPORT=open(f'{data}/postgres/postmaster.pid').read().split('\n')[3].strip(),
           PGPASSWORD=re.search(r'^postgres=(.*)$', open(f'{data}/postgres-passwords.properties').read(), re.M).group(1))
psql = lambda sql: subprocess.run(['psql', '-X', '-At', '-c', sql], env=env, capture_output=True, text=True, check=True).stdout.strip()
cities = json.loads(psql("select coalesce(json_agg(id order by id), '[]') from unit where level = 'CITY'"))
import base64
def token(user):
    c = http.client.HTTPConnection(host, int(port))
    auth = base64.b64encode(f'{user}:{pw}'.encode()).decode()
    c.request('POST', '/api/account/tokens', body=json.dumps({'name': 'probe', 'days': 1}),
              headers={'Authorization': 'Basic ' + auth, 'Content-Type': 'application/json'})
    r = c.getresponse()
    return json.loads(r.read())['secret']
def path(op, root):
    if op == 'q1':
        return f'/api/tasks?{OPEN}&sort=DEADLINE&size=50'
    city = f'&leadUnitId={random.choice(cities)}' if root else ''
    return f'/api/tasks?{OPEN}&deadlineTo={Y}{city}&sort=DEADLINE&size=50'
LINE = re.compile(r'\[(\d+)\] (?:\S+@\S+ )?LOG:  duration: ([0-9.]+) ms  (parse|bind|execute|statement)( [^:]*)?: (.*)')
for spec in sys.argv[4:]:
    user, op = spec.split(':')[:2]
    root = user == 'g1-office'
    tok = token(user)
    c = http.client.HTTPConnection(host, int(port))
    def get(p):
        c.request('GET', p, headers={'Authorization': 'Bearer ' + tok, 'Accept': 'application/json'})
        r = c.getresponse(); r.read(); assert r.status == 200, r.status
    for _ in range(200):
        get(path(op, root))   # warm: every statement prepared on the connections in use
    time.sleep(0.5)
    psql('select pg_rotate_logfile()'); time.sleep(0.5)
    logdir = f'{data}/postgres/log'
    before = set(glob.glob(logdir + '/*'))
    newest = max(glob.glob(logdir + '/*'), key=os.path.getmtime)
    for _ in range(n):
        get(path(op, root))
    time.sleep(0.5)
    text = open(newest, errors='replace').read()
    kinds = collections.Counter(); pids = set(); ms = collections.Counter(); first = {}
    for m in LINE.finditer(text):
        pid, d, phase, name, sql = m.groups()
        if 'pg_rotate_logfile' in sql or 'postgres' == '':
            continue
        name = (name or '').strip()
        kind = phase + (' named' if name.startswith('S_') else ' unnamed' if '<unnamed>' in name else '')
        kinds[kind] += 1; ms[kind] += float(d); pids.add(pid)
        first.setdefault(sql[:60], 0); first[sql[:60]] += 1
    print(f'## {user} {op}: {n} requests, {len(pids)} backends')
    for k, v in sorted(kinds.items()):
        print(f'  {k}: {v / n:.3f} per request, {ms[k] / n:.4f} ms logged per request')
    for s, v in sorted(first.items(), key=lambda kv: -kv[1])[:8]:
        print(f'    {v / n:.3f}  {s}')
