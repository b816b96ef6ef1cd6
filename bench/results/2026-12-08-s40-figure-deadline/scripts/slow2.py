#!/usr/bin/env python3
"""slow2.py PGLOG CRAWL2 [LINES]: the statements over the threshold inside each request's second visit, per request."""
import re, sys
log, crawl = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 2
reqs = [l.split(' ', 5) for l in open(crawl)]
entries, cur = [], None
for line in open(log, errors='replace'):
    m = re.match(r'\d{4}-\d\d-\d\d (\d\d:\d\d:\d\d\.\d+) UTC \[\d+\] LOG:  duration: ([\d.]+) ms  plan:', line)
    if m:
        cur = [m.group(1), float(m.group(2)), []]; entries.append(cur); continue
    if re.match(r'\d{4}-\d\d-\d\d ', line):
        cur = None; continue
    if cur is not None:
        cur[2].append(line.strip())
for t0, t1, ms, st, u, p in reqs:
    inside = [e for e in entries if t0 <= e[0] <= t1]
    if not inside:
        continue
    print(f'{u} {p.strip()}  request {ms} ms: ' + ', '.join(f'{e[1]:.1f}' for e in inside))
    for e in inside:
        plan = [b for b in e[2] if b and not b.startswith('Query')]
        for b in plan[:n]:
            print('      ', b[:170])
