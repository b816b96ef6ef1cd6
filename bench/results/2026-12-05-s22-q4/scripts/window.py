#!/usr/bin/env python3
"""Per Q4 window of a spread run: compilations (by tier), 'made not entrant' (deopts), GC pauses, WAL records/FPI/bytes,
checkpoints, pending rows, from app.log (PrintCompilation), gc.log (uptime,time), wal.jsonl, results.jsonl."""
import json, re, sys, datetime
out = sys.argv[1]
res = [json.loads(l) for l in open(f'{out}/results.jsonl')]
# offset: wall epoch of JVM uptime 0, from gc.log lines "[2026-12-05T16:00:40.123+0000][1.234s]"
off = None; pauses = []
for l in open(f'{out}/gc.log'):
    m = re.match(r'\[(\S+?)\]\[(\d+\.\d+)s\](.*)', l)
    if not m: continue
    t = datetime.datetime.strptime(m.group(1), '%Y-%m-%dT%H:%M:%S.%f%z').timestamp(); up = float(m.group(2))
    off = t - up if off is None else off
    p = re.search(r'Pause (\S+).* (\d+\.\d+)ms', m.group(3))
    if p: pauses.append((t, p.group(1), float(p.group(2)), m.group(3)))
comp = []
for l in open(f'{out}/app.log', errors='replace'):
    m = re.match(r'\s*(\d+)\s+(\d+)\s+([%sbn!]*)\s*(\d)?\s+(\S+)', l)
    if m and '::' in l:
        comp.append((int(m.group(1)) / 1000 + off, m.group(4), 'made not entrant' in l, m.group(5), l.rstrip()))
wal = [json.loads(l) for l in open(f'{out}/wal.jsonl')] if True else []
def at(t):
    best = wal[0]
    for w in wal:
        if w['t'] <= t: best = w
    return best
for w in res:
    if w['query'] != 'q4' and len(sys.argv) < 3: continue
    a, b = w['start_epoch'], w['end_epoch']; n = max(1, w['ops'])
    c = [x for x in comp if a <= x[0] < b]
    ne = [x for x in c if x[2]]
    tiers = {}
    for x in c:
        if not x[2]: tiers[x[1]] = tiers.get(x[1], 0) + 1
    gp = [p for p in pauses if a <= p[0] < b]
    wa, wb = at(a), at(b)
    print(f"{w['role']} {w['query']} ops/s {w['ops_per_s']}: compiles {len(c)-len(ne)} {tiers} not-entrant {len(ne)}; "
          f"GC pauses {len(gp)} sum {sum(p[2] for p in gp):.0f} ms max {max([p[2] for p in gp] or [0]):.0f}; "
          f"WAL/op rec {(wb['wal_records']-wa['wal_records'])/n:.1f} fpi {(wb['wal_fpi']-wa['wal_fpi'])/n:.2f} "
          f"bytes {(wb['wal_bytes']-wa['wal_bytes'])/n:.0f}; ckpt {wb['ckpt_done']-wa['ckpt_done']} (t{wa['ckpt_timed']}->{wb['ckpt_timed']}); "
          f"pending audit {wa['audit_pending']}->{wb['audit_pending']} insight {wa['insight_pending']}->{wb['insight_pending']} evp_open {wa['evp_open']}->{wb['evp_open']}")
    if '-v' in sys.argv:
        for x in ne[:40]: print('   NE', x[4][:160])
        for x in [x for x in c if not x[2]][:60]: print('   C ', x[4][:160])
