"""stmtnamed.py N LOG: PostgreSQL's statement log (log_min_duration_statement = 0) per statement text and step, with
the prepared statement's kind (S_n named, <unnamed>): calls per submission (N), median ms of one step."""
import re, sys
from collections import defaultdict

n = int(sys.argv[1])
line = re.compile(r'^\S+ \S+ \S+ \[(\d+)\] LOG:  duration: ([\d.]+) ms  (parse|bind|execute|statement)( [^:]*)?: (.*)$')
calls, ms, each = defaultdict(int), defaultdict(float), defaultdict(list)
for path in sys.argv[2:]:
    for l in open(path, errors='replace'):
        m = line.match(l.rstrip('\n'))
        if not m:
            continue
        dur, step, pname, sql = float(m.group(2)), m.group(3), (m.group(4) or '').strip(), re.sub(r'\s+', ' ', m.group(5))[:90]
        kind = 'unnamed' if pname in ('<unnamed>', '') else 'named'
        key = (step, kind, sql)
        calls[key] += 1; ms[key] += dur; each[key].append(dur)
print(f"all logged: {sum(ms.values()) / n:.3f} ms per submission, {sum(calls.values()) / n:.2f} steps")
print('| per submission | ms per submission | median ms | step | prepared | statement |')
print('|---|---|---|---|---|---|')
for key in sorted(ms, key=ms.get, reverse=True)[:40]:
    print(f'| {calls[key] / n:.2f} | {ms[key] / n:.4f} | {sorted(each[key])[len(each[key]) // 2]:.3f} | {key[0]} | {key[1]} | {key[2]} |')
