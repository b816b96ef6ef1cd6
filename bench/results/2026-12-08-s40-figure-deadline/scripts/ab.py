#!/usr/bin/env python3
"""ab.py BASE_A BASE_B PATHSFILE ROUNDS USER...: each user signed in on both apps; every path visited twice on each
side to warm, then ROUNDS times alternating A and B; prints per (user, path) the medians, B/A and the ranges."""
import sys, statistics
sys.path.insert(0, __import__('os').path.join(__import__('os').path.dirname(__file__), '../../..'))  # bench/, for crawl.Session
from crawl import Session
a, b, pathsfile, rounds, users = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5:]
paths = [l.strip() for l in open(pathsfile) if l.strip()]
print(f"{'login':20} {'path':58} {'A':>7} {'B':>7} {'B/A':>5}   A range / B range", flush=True)
for u in users:
    sa, sb = Session(a), Session(b)
    sa.sign_in(u, 'bench-pass-2026'); sb.sign_in(u, 'bench-pass-2026')
    for p in paths:
        ta, tb = [], []
        for s in (sa, sb, sa, sb):
            s.request('GET', p)
        for i in range(rounds):
            for s, t in ((sa, ta), (sb, tb)) if i % 2 == 0 else ((sb, tb), (sa, ta)):
                st, loc, ct, data, ms = s.request('GET', p)
                t.append(ms)
        ma, mb = statistics.median(ta), statistics.median(tb)
        print(f"{u:20} {p:58} {ma:7.1f} {mb:7.1f} {mb/ma:5.2f}   {min(ta):.0f}-{max(ta):.0f} / {min(tb):.0f}-{max(tb):.0f}", flush=True)
