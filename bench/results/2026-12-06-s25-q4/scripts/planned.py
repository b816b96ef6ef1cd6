"""planned.py N LOG: plans made per submission (N) by statement: each "PLANNER STATISTICS" entry of a backend counted
for the next bind (extended protocol) or simple statement that backend logs."""
import re, sys
from collections import defaultdict

n = int(sys.argv[1])
head = re.compile(r'^\S+ \S+ \S+ \[(\d+)\] (LOG|DETAIL|STATEMENT):  (.*)$')
waiting, plans, binds = defaultdict(int), defaultdict(int), defaultdict(int)
for path in sys.argv[2:]:
    for l in open(path, errors='replace'):
        m = head.match(l.rstrip('\n'))
        if not m:
            continue
        pid, kind, text = m.groups()
        if kind == 'LOG' and text.startswith('PLANNER STATISTICS'):
            waiting[pid] += 1
            continue
        d = re.match(r'duration: [\d.]+ ms  (bind|statement|parse|execute)( [^:]*)?: (.*)$', text)
        if kind == 'LOG' and d and d.group(1) in ('bind', 'statement'):
            sql = re.sub(r'\s+', ' ', d.group(3))[:90]
            binds[sql] += 1
            plans[sql] += waiting.pop(pid, 0)
total = sum(plans.values())
print(f"plans made: {total / n:.2f} per submission ({total} over {n})")
print('| plans per submission | executions per submission | statement |')
print('|---|---|---|')
for sql in sorted(binds, key=lambda s: (-plans[s], -binds[s]))[:25]:
    print(f'| {plans[sql] / n:.2f} | {binds[sql] / n:.2f} | {sql} |')
