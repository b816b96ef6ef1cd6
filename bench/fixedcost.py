#!/usr/bin/env python3
"""The fixed cost of an API request (issue 14): one client, one keep-alive connection, the same cheap GET back to
back, signed in three ways: an API token (Bearer), a session (the sign-in form's cookie) and HTTP Basic (a bcrypt
per request, for scale). Prints p50/p95 in ms per way and path.
  python3 bench/fixedcost.py BASE USER PASS [--paths /api/tasks/count,...] [--n 2000] [--warmup 500] [--ways token,session]
The app's JVM under a flight recording (JAVA_OPTS of bench/run.sh) shows where that time goes.
"""
import argparse, base64, http.client, json, re, statistics, time
from urllib.parse import urlsplit, urlencode

p = argparse.ArgumentParser()
p.add_argument('base'); p.add_argument('user'); p.add_argument('password')
p.add_argument('--paths', default='/api/tasks/count')
p.add_argument('--n', type=int, default=2000)
p.add_argument('--warmup', type=int, default=500)
p.add_argument('--ways', default='token,session')
a = p.parse_args()
u = urlsplit(a.base)


def conn():
    return http.client.HTTPConnection(u.hostname, u.port, timeout=60)


def token():
    c = conn()
    basic = base64.b64encode(f'{a.user}:{a.password}'.encode()).decode()
    c.request('POST', '/api/account/tokens', body=json.dumps({'name': 'fixedcost', 'days': 1}),
              headers={'Authorization': 'Basic ' + basic, 'Content-Type': 'application/json'})
    r = c.getresponse()
    return {'Authorization': 'Bearer ' + json.loads(r.read())['secret']}


def session():
    c = conn()
    c.request('GET', '/login')
    r = c.getresponse()
    page = r.read().decode()
    cookie = r.getheader('Set-Cookie').split(';')[0]
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    c.request('POST', '/login', body=urlencode({'username': a.user, 'password': a.password, '_csrf': csrf}),
              headers={'Cookie': cookie, 'Content-Type': 'application/x-www-form-urlencoded'})
    r = c.getresponse(); r.read()
    cookie = (r.getheader('Set-Cookie') or cookie).split(';')[0]  # a new session id after sign-in
    return {'Cookie': cookie}


def basic():
    return {'Authorization': 'Basic ' + base64.b64encode(f'{a.user}:{a.password}'.encode()).decode()}


ways = {'token': token, 'session': session, 'basic': basic}
for way in a.ways.split(','):
    headers = dict(ways[way](), Accept='application/json')
    for path in a.paths.split(','):
        c = conn()
        lat = []
        for i in range(a.warmup + a.n):
            t0 = time.perf_counter()
            c.request('GET', path, headers=headers)
            r = c.getresponse()
            body = r.read()
            if r.status != 200:
                raise SystemExit(f'{way} {path}: {r.status} {body[:200]!r}')
            if i >= a.warmup:
                lat.append((time.perf_counter() - t0) * 1000)
        lat.sort()
        print(json.dumps({'way': way, 'path': path, 'n': a.n, 'bytes': len(body),
                          'p50_ms': round(statistics.median(lat), 3), 'p95_ms': round(lat[int(0.95 * len(lat)) - 1], 3)}),
              flush=True)
