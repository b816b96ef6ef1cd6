#!/usr/bin/env python3
"""Each request against its SQL floor (issue 14's "within 1.5x of its own SQL floor plus serialization"), from one
bench/run.sh run with THREADS=1 and the SQL floor on: the one-client p50 of each role and operation (results.jsonl)
against the execution time of its SELECTs (sql/plans/*.txt, EXPLAIN (ANALYZE, BUFFERS) of one warm request's
statements; planning shown beside it: the app's statements are prepared, PostgreSQL does not plan them per request)
plus serialization, the p50 times Jackson's share of the request threads' samples when SHARES is given (a JSON
lines file of {"role", "op", "jackson"} in percent, e.g. from bench/jfrsplit.py). With EXPLAIN=N in the environment
(and PG* naming the data's running server) each saved statement is explained again N times and the medians taken,
so two builds' statements can be measured in one window; else the saved plan's own figures.
  python3 bench/floortable.py OUT [SHARES]"""
import collections, glob, json, os, re, statistics, subprocess, sys
out = sys.argv[1]
RUNS = int(os.environ.get('EXPLAIN', '0'))


def times(sql, text):
    """(execution, planning) ms: the saved plan's, or the medians of RUNS new EXPLAIN (ANALYZE, BUFFERS)."""
    if not RUNS:
        ex, pl = re.findall(r'Execution Time: ([\d.]+)', text), re.findall(r'Planning Time: ([\d.]+)', text)
        return (float(ex[-1]), float(pl[-1])) if ex else None
    runs = []
    for _ in range(RUNS):
        r = subprocess.run(['psql', '-X', '-At', '-c', 'explain (analyze, buffers) ' + sql], capture_output=True, text=True)
        if r.returncode != 0:
            return None
        runs.append((float(re.search(r'Execution Time: ([\d.]+)', r.stdout).group(1)),
                     float(re.search(r'Planning Time: ([\d.]+)', r.stdout).group(1))))
    return statistics.median(x for x, _ in runs), statistics.median(y for _, y in runs)


shares = {}
if len(sys.argv) > 2:
    for line in open(sys.argv[2]):
        r = json.loads(line)
        shares[(r['role'], r['op'])] = r['jackson'] / 100
p50 = {(r['role'], r['query']): r for r in map(json.loads, open(f'{out}/results.jsonl'))}
floor = collections.defaultdict(lambda: [0, 0.0, 0.0, 0.0])  # statements, execution, planning, worst execution
for f in sorted(glob.glob(f'{out}/sql/plans/*.txt')):
    m = re.match(r'\d+-(root-office|city-office|county-office|unit-staff)-(.+)\.txt$', os.path.basename(f))
    text = open(f).read()
    sql, _, plan = text.partition('\n\n')  # sqlfloor.py writes the statement, a blank line, then its plan
    t = times(sql, plan)
    s = floor[(m.group(1), m.group(2))]
    s[0] += 1
    if t:
        s[1] += t[0]; s[2] += t[1]; s[3] = max(s[3], t[0])
    else:
        print(f'(not explained: {os.path.basename(f)})', file=sys.stderr)
print('| role | op | p50 ms (one client) | SELECTs | SQL execution ms (planning) | slowest statement ms | serialization ms | p50 ÷ (SQL + serialization) | within 1.5× |')
print('|---|---|---|---|---|---|---|---|---|')
for (role, op), r in p50.items():
    if op == 'q4':
        continue
    n, ex, pl, worst = floor.get((role, op), [0, 0.0, 0.0, 0.0])
    ser = r['p50_ms'] * shares[(role, op)] if (role, op) in shares else 0.0
    base = ex + ser
    ratio = r['p50_ms'] / base if base > 0 else float('inf')
    print(f"| {role} | {op} | {r['p50_ms']} | {n} | {ex:.2f} ({pl:.2f}) | {worst:.2f} | "
          f"{'%.2f' % ser if (role, op) in shares else '—'} | {ratio:.1f}× | {'yes' if ratio <= 1.5 else 'no'} |")
