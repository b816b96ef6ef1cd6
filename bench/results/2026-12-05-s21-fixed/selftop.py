import collections, json, subprocess, sys
from datetime import datetime
rec, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
ev = sys.argv[4] if len(sys.argv) > 4 else 'jdk.ExecutionSample'
raw = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '256', '--events', ev, rec], capture_output=True, text=True, check=True).stdout
events = json.loads(raw)['recording']['events']
def epoch(t): return datetime.fromisoformat(t.replace('Z', '+00:00')).timestamp()
selfc = collections.Counter(); callers = collections.Counter(); n = 0; w=collections.Counter()
for e in events:
    v = e['values']
    th = (v.get('sampledThread') or v.get('eventThread') or {}).get('javaName') or ''
    if not th.startswith('http-nio'): continue
    if not (start <= epoch(v['startTime']) <= end): continue
    fr = [f"{f['method']['type']['name'].replace('/', '.')}.{f['method']['name']}" for f in (v.get('stackTrace') or {}).get('frames', [])]
    if not fr: continue
    wt = v.get('weight', 1) if ev != 'jdk.ExecutionSample' else 1
    n += wt
    selfc[fr[0]] += wt
    # first non-JDK frame
    app = next((f for f in fr if not f.startswith(('java.', 'jdk.', 'sun.'))), '?')
    callers[fr[0] + '  <-  ' + app] += wt
print(n, 'weight')
for m, c in selfc.most_common(30): print(f'{100*c/n:5.1f} %  {m}')
print('--- self <- first non-JDK frame')
for m, c in callers.most_common(40): print(f'{100*c/n:5.1f} %  {m}')
