#!/usr/bin/env python3
"""Page-speed crawl (issue 12): signs in as each demo role, follows every link of every page it can reach (GET, same
origin), calls every GET of the API description, and reports the server time per route: p50, p95 and max over
ROUNDS timed requests of each address, the sign-in included (POST /login). Loopback, one request at a time, so the
time is the server's (plus well under a millisecond of loopback).

  java -jar target/rectify.jar --server.port=18094 --rectify.data-dir=/tmp/crawl-demo &   # the demo, started
  python3 bench/crawl.py --base http://127.0.0.1:18094 [--rounds 5] [--roles office,epb-staff] [--out FILE.json]

A route is the path with numbers as {id} and dates as {day}, and the names of its query parameters. The first visit of
each address (discovery) warms caches and is not counted; ROUNDS visits of every address found follow, per role.
Stdlib only.
"""
import argparse, html, http.client, json, re, statistics, sys, time
from urllib.parse import urlsplit, parse_qsl, urlencode, urljoin

ROLES = ['admin', 'office', 'supervisor', 'leader', 'epb-head', 'epb-staff', 'linxiang-office',
         'linxiang-supervisor', 'linxiang-staff']
SKIP = re.compile(r'^/(logout|login|css/|js/|webjars/|favicon|swagger-ui|v3/api-docs)|[?&]lang=')
VERBOSE = False
HREF = re.compile(r'''(?:href|hx-get)="([^"#]+)"''')


class Session:
    """One signed-in browser: a keep-alive connection and its cookies."""

    def __init__(self, base):
        self.u = urlsplit(base)
        self.cookies = {}
        self.c = None

    def request(self, method, path, body=None, headers=None):
        for attempt in (1, 2):
            if self.c is None:
                self.c = http.client.HTTPConnection(self.u.hostname, self.u.port, timeout=120)
            h = dict(headers or {})
            if self.cookies:
                h['Cookie'] = '; '.join(f'{k}={v}' for k, v in self.cookies.items())
            try:
                t0 = time.perf_counter()
                self.c.request(method, path, body=body, headers=h)
                r = self.c.getresponse()
                data = r.read()
                ms = (time.perf_counter() - t0) * 1000
            except (http.client.HTTPException, OSError):
                self.c.close()
                self.c = None
                if attempt == 2:
                    raise
                continue
            for k, v in r.getheaders():
                if k.lower() == 'set-cookie':
                    name, _, rest = v.partition('=')
                    self.cookies[name.strip()] = rest.split(';', 1)[0]
            return r.status, r.getheader('Location'), r.getheader('Content-Type') or '', data, ms

    def sign_in(self, user, password):
        status, _, _, page, _ = self.request('GET', '/login')
        token = re.search(rb'name="_csrf"\s+value="([^"]+)"', page) or re.search(rb'value="([^"]+)"\s+name="_csrf"', page)
        body = urlencode({'username': user, 'password': password, '_csrf': html.unescape(token.group(1).decode())})
        status, location, _, _, ms = self.request('POST', '/login', body,
                                                  {'Content-Type': 'application/x-www-form-urlencoded'})
        if status != 302 or 'error' in (location or ''):
            raise SystemExit(f'{user}: sign-in failed ({status} {location})')
        return ms


def route_of(path):
    parts = urlsplit(path)
    p = re.sub(r'/\d{4}-\d{2}-\d{2}(?=/|$)', '/{day}', parts.path)
    p = re.sub(r'/\d+(?=/|$|\.)', '/{id}', p)
    names = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return p + ('?' + ','.join(names) if names else '')


def crawl(s, start, max_pages, per_route):
    """Every address reachable from the start pages, at most per_route addresses of one route."""
    seen, queue, found, per = set(), list(start), [], {}
    while queue and len(found) < max_pages:
        path = queue.pop(0)
        if path in seen or SKIP.search(path):
            continue
        seen.add(path)
        key = route_of(path)
        if per.get(key, 0) >= per_route:
            continue
        status, location, ctype, data, ms = s.request('GET', path, headers={'Accept': 'text/html,application/json'})
        if VERBOSE:
            print(f'  {ms:8.1f} ms {status} {path}', file=sys.stderr)
        if status in (301, 302, 303) and location:
            queue.append(urlsplit(urljoin('http://x' + path, location)).path)
            continue
        per[key] = per.get(key, 0) + 1
        found.append(path)
        if 'html' in ctype:
            for href in HREF.findall(data.decode('utf-8', 'replace')):
                href = html.unescape(href)
                if href.startswith('/') and not href.startswith('//'):
                    queue.append(href)
    return found


def api_gets(s, pages):
    """The API's GET operations, path variables filled with ids seen on the pages (skipped when none is known)."""
    status, _, _, data, _ = s.request('GET', '/v3/api-docs')
    if status != 200:
        return [], []
    docs = json.loads(data)
    out, skipped = [], []
    for path, ops in docs.get('paths', {}).items():
        if 'get' not in ops:
            continue
        if '{' not in path:
            out.append(path)
            continue
        filled = fill(path, pages)
        (out if filled else skipped).append(filled or path)
    return out, skipped


def fill(path, pages):
    result = path
    for var in re.findall(r'\{([^}]+)\}', path):
        head = path.split('{' + var + '}')[0].replace('/api', '', 1).rstrip('/')
        if var == 'planId':
            pattern = r'(?:planId=|/plans/)(\d+)'
        elif var == 'taskId':
            pattern = r'(?:taskId=|/tasks/)(\d+)'
        elif var in ('day', 'year'):
            return None
        else:
            pattern = re.escape(head.split('}')[-1]) + r'/(\d+)'
        ids = [m.group(1) for p in pages for m in [re.search(pattern, p)] if m]
        if not ids:
            return None
        result = result.replace('{' + var + '}', ids[0], 1)
    return result


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, int(round(p / 100 * len(xs) + 0.5)) - 1))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--base', default='http://127.0.0.1:18094')
    ap.add_argument('--password', default='rectify-demo')
    ap.add_argument('--roles', default=','.join(ROLES))
    ap.add_argument('--rounds', type=int, default=5)
    ap.add_argument('--max-pages', type=int, default=400, help='addresses per role')
    ap.add_argument('--per-route', type=int, default=3, help='addresses per route and role')
    ap.add_argument('--out', help='write every route\'s figures as JSON here')
    ap.add_argument('--verbose', action='store_true', help='each address found, with its first time, on stderr')
    args = ap.parse_args()
    global VERBOSE
    VERBOSE = args.verbose

    times = {}  # route -> [ms]
    statuses = {}
    skipped_api = set()
    for role in args.roles.split(','):
        s = Session(args.base)
        sign_ins = [s.sign_in(role, args.password)]
        pages = crawl(s, ['/', '/todo', '/tasks'], args.max_pages, args.per_route)
        apis, skipped = api_gets(s, pages)
        skipped_api.update(skipped)
        targets = pages + [a for a in apis if a not in pages]
        for _ in range(args.rounds):
            for path in targets:
                status, _, _, _, ms = s.request('GET', path, headers={'Accept': 'text/html,application/json'})
                key = 'GET ' + route_of(path)
                times.setdefault(key, []).append(ms)
                statuses.setdefault(key, set()).add(status)
        for _ in range(args.rounds - 1):  # a fresh session each time: the sign-in as a user meets it
            sign_ins.append(Session(args.base).sign_in(role, args.password))
        times.setdefault('POST /login', []).extend(sign_ins)
        statuses.setdefault('POST /login', set()).add(302)
        print(f'{role}: {len(pages)} pages, {len(apis)} API GETs', file=sys.stderr)

    rows = sorted(({'route': k, 'n': len(v), 'p50': statistics.median(v), 'p95': pct(v, 95), 'max': max(v),
                    'status': sorted(statuses[k])} for k, v in times.items()), key=lambda r: -r['p95'])
    every = [ms for v in times.values() for ms in v]
    print(f'{len(rows)} routes, {len(every)} requests: p50 {statistics.median(every):.1f} ms, '
          f'p95 {pct(every, 95):.1f} ms, max {max(every):.1f} ms')
    print(f'routes with p95 over 200 ms: {sum(1 for r in rows if r["p95"] > 200)}')
    print('| route | n | p50 ms | p95 ms | max ms | status |')
    print('|---|---|---|---|---|---|')
    for r in rows:
        print(f'| `{r["route"]}` | {r["n"]} | {r["p50"]:.1f} | {r["p95"]:.1f} | {r["max"]:.1f} | '
              f'{",".join(map(str, r["status"]))} |')
    if skipped_api:
        print('\nAPI GETs not called (no id of theirs on any page): ' + ', '.join(sorted(skipped_api)))
    if args.out:
        with open(args.out, 'w') as f:
            json.dump(rows, f, ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main()
