"""plans.py RUN LOG...: plans PostgreSQL made (log_planner_stats: one "PLANNER STATISTICS" entry per plan, with its
statement as log_min_error_statement = log adds it) in Q4's measured window (RUN/results.jsonl's start_epoch to
end_epoch) per measured submission, and by statement; also in the warm-up's window (RUN/q4-warm.jsonl)."""
import datetime, json, re, sys
from collections import defaultdict

run = sys.argv[1]
entry = re.compile(r'^(\S+ \S+) UTC \[(\d+)\] (LOG|DETAIL|STATEMENT):  (.*)$')


def window(path):
    r = [json.loads(l) for l in open(path) if '"q4"' in l][-1]
    return r['start_epoch'], r['end_epoch'], r['ops']


plans = []  # (epoch, statement)
pending = {}
for path in sys.argv[2:]:
    for l in open(path, errors='replace'):
        m = entry.match(l.rstrip('\n'))
        if not m:
            continue
        at, pid, kind, text = m.groups()
        t = datetime.datetime.strptime(at, '%Y-%m-%d %H:%M:%S.%f').replace(tzinfo=datetime.timezone.utc).timestamp()
        if kind == 'LOG':
            if pid in pending:
                plans.append(pending.pop(pid))
            if text.startswith('PLANNER STATISTICS'):
                pending[pid] = (t, '?')
        elif kind == 'STATEMENT' and pid in pending:
            plans.append((pending.pop(pid)[0], re.sub(r'\s+', ' ', text)[:100]))
plans.extend(pending.values())
for name in ('results.jsonl', 'q4-warm.jsonl'):
    try:
        start, end, ops = window(f'{run}/{name}')
    except (OSError, IndexError):
        continue
    inside = [s for t, s in plans if start <= t <= end]
    by = defaultdict(int)
    for s in inside:
        by[s] += 1
    print(f'{name}: {len(inside)} plans over {ops} submissions: {len(inside) / ops:.3f} per submission')
    for s, c in sorted(by.items(), key=lambda x: -x[1])[:8]:
        print(f'  {c / ops:.3f}  {c:6d}  {s}')
