"""stmtsum.py N LOG...: PostgreSQL's statement log (log_min_duration_statement = 0, extended protocol) summed per
statement text and protocol step (parse / bind / execute, or a simple query): calls and ms per submission (N), and
the median of one step."""
import re, sys
from collections import defaultdict

n = int(sys.argv[1])
line = re.compile(r'^\S+ \S+ \S+ \[(\d+)\] LOG:  duration: ([\d.]+) ms  (parse|bind|execute|statement)( [^:]*)?: (.*)$')
calls, ms, pids, each = defaultdict(int), defaultdict(float), defaultdict(set), defaultdict(list)
for path in sys.argv[2:]:
    for l in open(path, errors='replace'):
        m = line.match(l.rstrip('\n'))
        if not m:
            continue
        pid, dur, step, sql = m.group(1), float(m.group(2)), m.group(3), re.sub(r'\s+', ' ', m.group(5))[:110]
        key = (step, sql)
        calls[key] += 1
        ms[key] += dur
        each[key].append(dur)
        pids[key].add(pid)
total = sum(ms.values())
print(f"all logged: {total / n:.3f} ms per submission (statement durations, not CPU), {sum(calls.values()) / n:.2f} steps")
by_step = defaultdict(float)
for (step, _), v in ms.items():
    by_step[step] += v
print('  ' + ', '.join(f'{s} {v / n:.3f}' for s, v in sorted(by_step.items())))
print('| per submission | ms | median ms (one step: a few stalls of 100 ms at a load of 30 move the sums) | step | backends | statement |')
print('|---|---|---|---|---|---|')
for key in sorted(ms, key=ms.get, reverse=True)[:30]:
    print(f'| {calls[key] / n:.2f} | {ms[key] / n:.4f} | {sorted(each[key])[len(each[key]) // 2]:.3f} | {key[0]} | {len(pids[key])} | {key[1]} |')
