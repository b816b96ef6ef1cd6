import http.client, json, sys, time, datetime
setup = json.load(open(sys.argv[1])); role = sys.argv[2]; secs = float(sys.argv[3]); port = sys.argv[4] if len(sys.argv) > 4 else None
cfg = setup['roles'][role]; base = setup['base']
host, p = base.split('//')[1].split(':'); p = port or p
OPEN = '&'.join('status=' + s for s in ['ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'ONGOING', 'REOPENED'])
Y = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
c = http.client.HTTPConnection(host, int(p)); cities = cfg.get('cities') or []
i = 0; t0 = time.time(); print(t0)
while time.time() - t0 < secs:
    city = f"&leadUnitId={cities[i % len(cities)]}" if cities else ''
    c.request('GET', f'/api/tasks?{OPEN}&deadlineTo={Y}{city}&sort=DEADLINE&size=50', headers={'Authorization': 'Bearer ' + cfg['token']})
    r = c.getresponse(); r.read(); i += 1
print(time.time(), i)
