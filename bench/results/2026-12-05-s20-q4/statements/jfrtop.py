import json, sys, collections
from datetime import datetime
ev = json.load(open(sys.argv[1]))['recording']['events']
S, E = float(sys.argv[2]), float(sys.argv[3]); prefix = sys.argv[4]
def ep(s): return datetime.fromisoformat(s.replace('Z','+00:00')).timestamp()
sel = []
for e in ev:
    v = e['values']; t = ep(v['startTime'])
    if not (S <= t <= E): continue
    th = (v.get('sampledThread') or {}).get('javaName') or ''
    if not th.startswith(prefix): continue
    fr = [f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name'] for f in v['stackTrace']['frames']]
    sel.append(fr)
n = len(sel); print(n, 'samples')
top = collections.Counter(f[0] for f in sel)
print('## self top 30')
for k, c in top.most_common(30): print(f'{100*c/n:5.1f} {k}')
# first non-JDK frame for JDK self
fj = collections.Counter()
for f in sel:
    for x in f:
        if not x.startswith(('java.', 'jdk.', 'sun.')):
            fj[x] += 1; break
print('## first non-JDK frame')
for k, c in fj.most_common(30): print(f'{100*c/n:5.1f} {k}')
if len(sys.argv) > 5:
    # split by a set of markers: the deepest marker in the stack wins order given
    marks = sys.argv[5:]
    mc = collections.Counter()
    for f in sel:
        lab = 'other'
        for m in marks:
            if any(m in x for x in f): lab = m; break
        mc[lab] += 1
    print('## by marker (first in list that is on the stack)')
    for k, c in mc.most_common(): print(f'{100*c/n:5.1f} {k}')
