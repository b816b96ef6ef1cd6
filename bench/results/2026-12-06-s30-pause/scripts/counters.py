#!/usr/bin/env python3
# counters.py WORK: each run of pauses.sh, its throughput and per submission the buffers, commits, WAL, full-page images and rows written in
# the 30 s between the two readings, beside cpusplit's CPU line
import sys, json, glob, datetime
for d in sorted(glob.glob(sys.argv[1] + '/r*/')):
    try:
        a = open(d + 'statio0.txt').read().split('\t'); b = open(d + 'statio1.txt').read().split('\t')
        ops = json.loads(open(d + 'results.jsonl').readline())['ops_per_s']
    except Exception: continue
    t = lambda s: datetime.datetime.fromisoformat(s.strip().replace('+00', '+00:00'))
    n = ops * (t(b[0]) - t(a[0])).total_seconds()
    f = [float(y) - float(x) for x, y in zip(a[1:], b[1:])]
    cpu = open(d + 'cpu.md').read().strip().splitlines()[-1]
    print(f"{d.split('/')[-2]:10} {ops:7.1f} ops/s  buffers {f[0]/n:6.0f}  commits {f[1]/n:5.3f}  WAL {f[2]/n/1024:5.1f} kB  FPI {f[3]/n:4.2f}  tuples {f[4]/n:5.1f}  | {cpu}")
