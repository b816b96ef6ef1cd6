#!/usr/bin/env python3
"""How many rows the benchmark's pages show at each size (issue 14: does a paged read's cost grow with the data, or do
its pages only show more?). Sends the pages bench/measure.py asks, once each, as run.sh's setup.json of each size
names them (root Q2: one page per city-level unit, as the load cycles through them), and prints per role and
operation the mean rows shown per page (tasks; for the due list its items and supported tasks) and the mean answer
bytes, side by side. Two sizes' ops/s compare only where their pages show the same rows: a page full at one size and
not at the other is not the same request (a page costs a fixed part plus a part per row shown).
  python3 bench/pagerows.py 100k=RUN_100K/setup.json 1M=RUN_1M/setup.json [--ops "q1 q2 due"] [--full OUT.json]
Each setup's app must be running (its base URL, or BASE_<label>=http://host:port). --full OUT.json: the first setup
with the root office's Q2 units narrowed to those whose page is full (50 rows) at every size given, for
bench/requestcost.py or bench/wrkload.py: the same pages measured at every size.
"""
import argparse, http.client, json, os, sys
from urllib.parse import urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import measure as m  # noqa: E402  the benchmark's own requests

SIZE = 50


def paths(op, cfg):
    """The pages the load asks for op, each once (Q2's per unit, in the order of the setup's units)."""
    if op == 'q1':
        return [(None, f'/api/tasks?{m.OPEN}&sort=DEADLINE&size={SIZE}')]
    if op == 'q2':
        base = f'/api/tasks?{m.OPEN}&deadlineTo={m.YESTERDAY}'
        units = cfg.get('cities') or [None]
        return [(u, base + (f'&leadUnitId={u}' if u else '') + f'&sort=DEADLINE&size={SIZE}') for u in units]
    if op == 'due':
        return [(None, '/api/progress/due')]
    raise SystemExit(f'pagerows: no pages for {op}')


def rows(answer):
    if 'tasks' in answer:
        return len(answer['tasks'])
    return sum(len(p.get('items', [])) + len(p.get('supporting', [])) for p in answer.get('plans', []))


def read(label, setup, ops):
    base = urlsplit(os.environ.get('BASE_' + label, setup['base']))
    found = {}
    for role, cfg in setup['roles'].items():
        c = http.client.HTTPConnection(base.hostname, base.port, timeout=120)
        for op in ops:
            if op in cfg.get('skip', []):
                continue
            for unit, path in paths(op, cfg):
                c.request('GET', path, headers={'Authorization': 'Bearer ' + cfg['token'], 'Accept': 'application/json'})
                r = c.getresponse()
                body = r.read()
                assert r.status == 200, (label, path, r.status)
                found[(role, op, unit)] = (rows(json.loads(body)), len(body))
        c.close()
    return found


def main():
    p = argparse.ArgumentParser()
    p.add_argument('setups', nargs='+', help='label=setup.json')
    p.add_argument('--ops', default='q1 q2 due')
    p.add_argument('--full')
    a = p.parse_args()
    sizes = [s.split('=', 1) for s in a.setups]
    setups = {label: json.load(open(f)) for label, f in sizes}
    seen = {label: read(label, s, a.ops.split()) for label, s in setups.items()}
    labels = list(setups)
    print('| role | op | pages | ' + ' | '.join(f'rows shown {x}' for x in labels) + ' | '
          + ' | '.join(f'full pages {x}' for x in labels) + ' | ' + ' | '.join(f'bytes {x}' for x in labels) + ' |')
    print('|---' * (3 + 3 * len(labels)) + '|')
    keys = sorted({(role, op) for role, op, _ in seen[labels[0]]})
    for role, op in keys:
        per = {x: [v for (r, o, _), v in seen[x].items() if (r, o) == (role, op)] for x in labels}
        n = len(per[labels[0]])
        print(f'| {role} | {op} | {n} | '
              + ' | '.join(f'{sum(v[0] for v in per[x]) / len(per[x]):.1f}' for x in labels) + ' | '
              + ' | '.join(str(sum(v[0] >= SIZE for v in per[x])) if op != 'due' else '—' for x in labels) + ' | '
              + ' | '.join(f'{sum(v[1] for v in per[x]) / len(per[x]):,.0f}' for x in labels) + ' |')
    if a.full:
        root = 'root-office'
        units = [u for u in setups[labels[0]]['roles'][root].get('cities', [])
                 if all(seen[x].get((root, 'q2', u), (0,))[0] >= SIZE for x in labels)]
        narrowed = dict(setups[labels[0]])
        narrowed['roles'] = {root: dict(narrowed['roles'][root], cities=units)}
        json.dump(narrowed, open(a.full, 'w'))
        print(f'\n{a.full}: the root office\'s Q2 over the {len(units)} units whose page is full at '
              + ', '.join(labels), file=sys.stderr)


if __name__ == '__main__':
    main()
