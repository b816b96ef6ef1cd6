import csv, sys, re
# pgss.py A.csv B.csv: per statement (by text), calls, exec µs per call, buffers hit per call, rows per call, A and B
def load(p):
    d = {}
    for r in csv.DictReader(open(p)):
        if r['userid'] != 'rectify_app': continue
        d[r['query']] = r
    return d
a, b = load(sys.argv[1]), load(sys.argv[2])
def short(q):
    q = re.sub(r'"', '', q)
    m = re.search(r'\bfrom\s+\(?\(?(?:select .*? from )?([a-z_]+)', q)
    return (q[:60] + ' … ' + (m.group(1) if m else ''))
tot = {'a': 0, 'b': 0}
ca = sum(int(r['calls']) for r in a.values() if 'task_open_duty' in r['query'] and 'lag(' in r['query'])
cb = sum(int(r['calls']) for r in b.values() if 'task_open_duty' in r['query'] and 'lag(' in r['query'])
print(f'pages: A {ca}, B {cb}')
print('| statement | calls/page A / B | exec µs/call A / B | plan µs/call A / B | hits/call A / B | rows/call A / B |')
print('|---|---|---|---|---|---|')
for q in sorted(set(a) | set(b), key=lambda q: -float((b.get(q) or a.get(q))['total_exec_time'])):
    ra, rb = a.get(q), b.get(q)
    def f(r, k, per=True):
        if not r: return '—'
        c = int(r['calls']) or 1
        v = float(r[k])
        return f'{v / c * (1000 if "time" in k else 1):.1f}'
    def cp(r, n):
        return f"{int(r['calls']) / n:.2f}" if r else '—'
    print(f"| {short(q)} | {cp(ra, ca)} / {cp(rb, cb)} | {f(ra, 'total_exec_time')} / {f(rb, 'total_exec_time')} | {f(ra, 'total_plan_time')} / {f(rb, 'total_plan_time')} | {f(ra, 'shared_blks_hit')} / {f(rb, 'shared_blks_hit')} | {f(ra, 'rows')} / {f(rb, 'rows')} |")
