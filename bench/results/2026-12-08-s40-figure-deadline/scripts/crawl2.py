#!/usr/bin/env python3
"""crawl2.py BASE OUT PATHSFILE USER...: each user signs in once; each path is visited once (warm-up) and then again,
the second visit's wall-clock window (UTC, ms) and time written to OUT as: start end ms status user path."""
import sys, time, datetime
sys.path.insert(0, __import__('os').path.join(__import__('os').path.dirname(__file__), '../../..'))  # bench/, for crawl.Session
from crawl import Session
base, out, pathsfile, users = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
paths = [l.strip() for l in open(pathsfile) if l.strip()]
def now():
    return datetime.datetime.now(datetime.timezone.utc).strftime('%H:%M:%S.%f')[:-3]
with open(out, 'w') as f:
    for u in users:
        s = Session(base); s.sign_in(u, 'bench-pass-2026')
        for p in paths:
            s.request('GET', p)
            t0 = now(); st, loc, ct, data, ms = s.request('GET', p); t1 = now()
            f.write(f'{t0} {t1} {ms:.1f} {st} {u} {p}\n'); f.flush()
