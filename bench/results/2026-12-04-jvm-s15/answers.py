# Fetch many ledger JSON answers for every role of a setup.json into DIR (one file per request), to compare two builds byte for byte.
import json, sys, urllib.request, urllib.parse, os
setup = json.load(open(sys.argv[1])); base = sys.argv[2]; out = sys.argv[3]; os.makedirs(out, exist_ok=True)
OPEN = 'status=ASSIGNED&status=IN_PROGRESS&status=CLOSURE_REQUESTED&status=ONGOING&status=REOPENED'
queries = []
for sort in ['DEADLINE', 'REF', 'STATUS', 'UPDATED']:
    for page in [0, 1, 7, 500]:
        queries.append(f'/api/tasks?sort={sort}&page={page}&size=50')
        queries.append(f'/api/tasks?{OPEN}&sort={sort}&page={page}&size=50')
queries += ['/api/tasks?deadlineTo=2026-12-03&size=100', '/api/tasks?q=%E6%B2%BB&size=50', '/api/tasks?size=200',
            '/api/tasks/count']
n = 0
for role, cfg in setup['roles'].items():
    qs = list(queries) + [f'/api/tasks?{OPEN}&leadUnitId={c}&sort=DEADLINE&size=50' for c in cfg.get('cities', [])[:6]]
    for q in qs:
        req = urllib.request.Request(base + q, headers={'Authorization': 'Bearer ' + cfg['token'], 'Accept': 'application/json'})
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                body = r.read(); status = r.status
        except urllib.error.HTTPError as e:
            body = e.read(); status = e.code
        name = f"{role}-{n:03d}.json"; n += 1
        open(os.path.join(out, name), 'wb').write(f'{status} {q}\n'.encode() + body)
print(n, 'answers in', out)
