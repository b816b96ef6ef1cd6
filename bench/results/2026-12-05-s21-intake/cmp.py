import sys, itertools
def load(p):
    secs, cur = {}, None
    for line in open(p, encoding='utf-8', errors='replace'):
        line = line.rstrip('\n')
        if line.startswith('## '):
            cur = line[3:]; secs[cur] = []; continue
        if cur is None: continue
        f = line.split('|')
        if cur == 'tasks' and len(f) > 10: f[10] = '*'          # created_at = updated_at
        if cur == 'history' and len(f) > 9: f[9] = '*'          # occurred_at = created_at
        secs[cur].append('|'.join(f))
    return secs
a, b = load(sys.argv[1]), load(sys.argv[2])
for k in a:
    va, vb = a[k], b.get(k)
    if k.endswith('(whole)') or k in ('audit_chain',): va, vb = sorted(va), sorted(vb or [])
    print(f"{k:40s} rows {len(va):8d} {'same' if va == vb else 'DIFFERENT (%d vs %d rows)' % (len(va), len(vb or []))}")
