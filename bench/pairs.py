#!/usr/bin/env python3
"""The table of bench/pairs.sh: for each role, op and client, every pair's ops/s and p95 of A and B, and the medians.
  python3 bench/pairs.py OUT"""
import glob, json, os, statistics, sys

out = sys.argv[1]
runs = {}  # (pair, side) -> {(role, op, client): row}
for path in sorted(glob.glob(f'{out}/*-[AB]/results.jsonl')):
    pair, side = os.path.basename(os.path.dirname(path)).split('-')
    rows = {}
    for line in open(path):
        r = json.loads(line)
        rows[(r['role'], r['query'], r.get('client', 'python'))] = r
    runs[(int(pair), side)] = rows
pairs = sorted({p for p, _ in runs})
keys = sorted({k for rows in runs.values() for k in rows}, key=lambda k: (k[2], k[0], k[1]))
print('| role | op | client | ' + ' | '.join(f'pair {p} A / B' for p in pairs)
      + ' | median A | median B |')
print('|---|---|---|' + '---|' * len(pairs) + '---|---|')
cell = lambda r: f"{r['ops_per_s']:,.0f} ({r['p95_ms']}{', ' + str(r['errors']) + ' err' if r['errors'] else ''})" if r else '—'
for k in keys:
    a = [runs.get((p, 'A'), {}).get(k) for p in pairs]
    b = [runs.get((p, 'B'), {}).get(k) for p in pairs]
    med = lambda rs: (f"{statistics.median(r['ops_per_s'] for r in rs if r):,.0f} "
                      f"({statistics.median(r['p95_ms'] for r in rs if r):.1f})") if any(rs) else '—'
    print(f'| {k[0]} | {k[1]} | {k[2]} | ' + ' | '.join(f'{cell(x)} / {cell(y)}' for x, y in zip(a, b))
          + f' | {med(a)} | {med(b)} |')
print('\nops/s (p95 ms); A and B alternated, A first in each pair. Loads: see pairs.log.')
