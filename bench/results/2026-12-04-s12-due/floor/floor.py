#!/usr/bin/env python3
"""Same-window SQL floor of the due list's duty statements, old (s11 one pass) vs new (V52), alternating; median of
planning + execution of EXPLAIN (ANALYZE, BUFFERS) over N rounds. PG* environment. Usage: floor.py N"""
import re, statistics, subprocess, sys
n = int(sys.argv[1])
sets = {'county old': ['old-county-page.sql'], 'county new': ['new-county-counts.sql', 'new-county-page.sql'],
        'staff old': ['old-staff-page.sql'], 'staff new': ['new-staff-counts.sql', 'new-staff-page.sql']}
def run(f):
    out = subprocess.run(['psql', '-X', '-At', '-c', 'explain (analyze, buffers) ' + open(f).read()], capture_output=True,
                         text=True, check=True).stdout
    t = sum(float(x) for x in re.findall(r'(?:Planning|Execution) Time: ([0-9.]+)', out))
    b = re.search(r'Buffers: shared hit=(\d+)', out)
    return t, int(b.group(1)) if b else 0
res = {k: [[] for _ in v] for k, v in sets.items()}
bufs = {}
for _ in range(n):
    for k, files in sets.items():
        for i, f in enumerate(files):
            t, b = run(f); res[k][i].append(t); bufs[(k, i)] = b
for k, v in res.items():
    meds = [statistics.median(x) for x in v]
    print(f"{k}: " + ' + '.join(f"{m:.2f} ms ({bufs[(k, i)]} buffers)" for i, m in enumerate(meds)) + f" = {sum(meds):.2f} ms")
