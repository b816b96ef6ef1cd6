#!/usr/bin/env python3
"""Page-speed crawl (issue 12): signs in as each demo role, follows every link of every page it can reach (GET, same
origin), calls every GET of the API description, and reports the server time per route: p50, p95 and max over
ROUNDS timed requests of each address, the sign-in included (POST /login). Loopback, one request at a time, so the
time is the server's (plus well under a millisecond of loopback).

  java -jar target/rectify.jar --server.port=18094 --rectify.data-dir=/tmp/crawl-demo &   # the demo, started
  python3 bench/crawl.py --base http://127.0.0.1:18094 [--rounds 5] [--roles office,epb-staff] [--out FILE.json]

The generated province (bench/run.sh's data): the roles are its logins, and --per-route keeps 100,000 tasks from
meaning 100,000 visits:
  python3 bench/crawl.py --base http://127.0.0.1:18112 --password bench-pass-2026 --per-route 2 --rounds 3 \
          --users g1-office,g1-c01-office,g1-c01-k01-office,<staff>,<head>,<leader>,<supervisor>
--skip REGEX leaves addresses out (the whole province's downloads), --once REGEX times them at discovery only;
--paths A,B times only those addresses (two builds compared back to back on the routes a crawl named slowest).
Besides the table over all roles it prints each route as each role, and with --out it rewrites the figures
(FILE.json and FILE.md) after each role: a long crawl that is stopped keeps what it measured.

A route is the path with numbers as {id} and dates as {day}, and the names of its query parameters. The first visit of
each address (discovery) warms caches and is not counted; ROUNDS visits of every address found follow, per role.
Stdlib only.
"""
import argparse, html, http.client, json, re, statistics, sys, time
from urllib.parse import urlsplit, parse_qsl, urlencode, urljoin

ROLES = ['admin', 'office', 'supervisor', 'leader', 'epb-head', 'epb-staff', 'linxiang-office',
         'linxiang-supervisor', 'linxiang-staff']
SKIP_MORE = None  # --skip
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


def crawl(s, start, max_pages, per_route, once=None, first=None):
    """Every address reachable from the start pages, at most per_route addresses of one route; the time of the first
    visit of an address matching ONCE is kept in FIRST (route -> [ms]) and the address is not visited again."""
    seen, queue, found, per = set(), list(start), [], {}
    while queue and len(found) < max_pages:
        path = queue.pop(0)
        if path in seen or SKIP.search(path) or (SKIP_MORE and SKIP_MORE.search(path)):
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
        if once and once.search(path):
            first.setdefault(key, []).append((ms, status))
            continue
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
    ap.add_argument('--roles', '--users', dest='roles', default=','.join(ROLES), help='logins, comma-separated')
    ap.add_argument('--rounds', type=int, default=5)
    ap.add_argument('--max-pages', type=int, default=400, help='addresses per role')
    ap.add_argument('--per-route', type=int, default=3, help='addresses per route and role')
    ap.add_argument('--paths', help='time only these addresses (comma-separated), no links followed, no API GETs: '
                                    'two builds compared on the slowest routes a crawl named')
    ap.add_argument('--skip', help='addresses matching this regex are not visited (reported as skipped)')
    ap.add_argument('--once', help='addresses matching this regex (whole-province downloads) are timed at their first '
                                   'visit only, not ROUNDS times')
    ap.add_argument('--out', help='write every route\'s figures as JSON here')
    ap.add_argument('--verbose', action='store_true', help='each address found, with its first time, on stderr')
    args = ap.parse_args()
    global VERBOSE, SKIP_MORE
    VERBOSE = args.verbose
    SKIP_MORE = re.compile(args.skip) if args.skip else None

    times = {}  # route -> [ms]
    by_role = {}  # (route, role) -> [ms]
    statuses = {}
    skipped_api = set()
    for role in args.roles.split(','):
        s = Session(args.base)
        sign_ins = [s.sign_in(role, args.password)]
        first = {}
        if args.paths:  # these addresses only, each visited once untimed (as discovery does) to warm it
            pages = args.paths.split(',')
            for path in pages:
                s.request('GET', path, headers={'Accept': 'text/html,application/json'})
        else:
            pages = crawl(s, ['/', '/todo', '/tasks'], args.max_pages, args.per_route,
                          re.compile(args.once) if args.once else None, first)
        for key, visits in first.items():
            for ms, status in visits:
                times.setdefault('GET ' + key, []).append(ms)
                by_role.setdefault(('GET ' + key, role), []).append(ms)
                statuses.setdefault('GET ' + key, set()).add(status)
        apis, skipped = api_gets(s, pages) if not args.paths else ([], [])
        skipped_api.update(skipped)
        targets = pages + [a for a in apis if a not in pages and not (SKIP_MORE and SKIP_MORE.search(a))]
        for _ in range(args.rounds):
            for path in targets:
                status, _, _, _, ms = s.request('GET', path, headers={'Accept': 'text/html,application/json'})
                key = 'GET ' + route_of(path)
                times.setdefault(key, []).append(ms)
                by_role.setdefault((key, role), []).append(ms)
                statuses.setdefault(key, set()).add(status)
        for _ in range(args.rounds - 1):  # a fresh session each time: the sign-in as a user meets it
            sign_ins.append(Session(args.base).sign_in(role, args.password))
        times.setdefault('POST /login', []).extend(sign_ins)
        by_role.setdefault(('POST /login', role), []).extend(sign_ins)
        statuses.setdefault('POST /login', set()).add(302)
        print(f'{role}: {len(pages)} pages, {len(apis)} API GETs', file=sys.stderr)

        report(args, times, by_role, statuses, skipped_api, done=role)


def report(args, times, by_role, statuses, skipped_api, done):
    """Prints the figures so far (after each role: a province crawl that is stopped keeps what it measured) to --out
    and --out's .md; the last role's report is the whole crawl's."""
    import io, contextlib
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        _report(args, times, by_role, statuses, skipped_api)
    if done == args.roles.split(',')[-1]:
        sys.stdout.write(buf.getvalue())
    if args.out:
        with open(args.out.rsplit('.', 1)[0] + '.md', 'w') as f:
            f.write(f'(roles done: up to {done})\n' + buf.getvalue())


def _report(args, times, by_role, statuses, skipped_api):
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
    roles = args.roles.split(',')
    print('\nEach route as each role, p50 / p95 ms (blank: the role did not reach it)\n')
    print('| route | ' + ' | '.join(roles) + ' |')
    print('|---|' + '---|' * len(roles))
    for r in rows:
        cells = [f'{statistics.median(v):.0f} / {pct(v, 95):.0f}' if (v := by_role.get((r['route'], role))) else ''
                 for role in roles]
        print(f'| `{r["route"]}` | ' + ' | '.join(cells) + ' |')
    if skipped_api:
        print('\nAPI GETs not called (no id of theirs on any page): ' + ', '.join(sorted(skipped_api)))
    if args.out:
        with open(args.out, 'w') as f:
            for r in rows:
                r['roles'] = {role: {'p50': statistics.median(v), 'p95': pct(v, 95)}
                              for role in roles if (v := by_role.get((r['route'], role)))}
            json.dump(rows, f, ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main()
