#!/usr/bin/env python3
"""drive.py SETUP BASE WARM N [ROLES...]: per role, WARM unmeasured then N sequential due requests; prints each window."""
import http.client, json, sys, time
setup, base, warm, n = json.load(open(sys.argv[1])), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
roles = sys.argv[5:] or ['county-office', 'unit-staff']
host, port = base.split('//')[1].split(':')
for role in roles:
    tok = setup['roles'][role]['token']
    c = http.client.HTTPConnection(host, int(port))
    def get():
        c.request('GET', '/api/progress/due', headers={'Authorization': 'Bearer ' + tok})
        r = c.getresponse(); b = r.read(); assert r.status == 200, r.status
    for _ in range(warm): get()
    t0 = time.time()
    for _ in range(n): get()
    print(json.dumps({'role': role, 'start': t0, 'end': time.time(), 'n': n}), flush=True)
