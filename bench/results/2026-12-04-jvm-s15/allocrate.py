# allocrate.py: bytes allocated per request by the http-nio threads in each window of alloc-windows.txt, from JFR ThreadAllocationStatistics (1 s)
import json, subprocess, sys, datetime, collections
rows = [l.split() for l in open('/tmp/s15-s15-jvm-out/alloc-windows.txt')]
cache = {}
def samples(which):
    if which not in cache:
        out = subprocess.run(['jfr', 'print', '--json', '--events', 'jdk.ThreadAllocationStatistics', f'/tmp/s15-s15-jvm-out/alloc-{which}.jfr'], capture_output=True, text=True).stdout
        try:
            ev = json.loads(out)['recording']['events']
        except ValueError:
            ev = []
        by_t = collections.defaultdict(int)  # sample time -> sum over http threads
        for e in ev:
            v = e['values']; name = (v.get('thread') or {}).get('javaName') or ''
            if not name.startswith('http-nio'): continue
            t = datetime.datetime.fromisoformat(v['startTime'].replace('Z', '+00:00')).timestamp()
            by_t[round(t)] += v['allocated']
        cache[which] = sorted(by_t.items())
    return cache[which]
print('| build | role | requests | load | kB allocated per request (http threads) |\n|---|---|---|---|---|')
for which, role, t0, t1, n, *load in rows:
    s = samples(which); t0 = float(t0); t1 = float(t1)
    a = [x for x in s if x[0] >= t0]; b = [x for x in s if x[0] <= t1]
    if not a or not b: continue
    (ta, va), (tb, vb) = a[0], b[-1]
    rate = (vb - va) / (tb - ta)  # bytes/s
    per = rate * (t1 - t0) / int(n)
    print(f'| {which} | {role} | {n} | {" ".join(load)} | {per/1024:.1f} |')
