#!/usr/bin/env python3
"""Times a few pages as one user: one warm-up request, then N timed ones each; prints size, p50 and p95 per page.
Uses bench/crawl.py's signed-in session (loopback, one request at a time). For before/after comparisons of one page:

  python3 bench/pagetime.py http://127.0.0.1:18111 g1-office bench-pass-2026 3 /progress/matrix '/progress/matrix?view=units'
"""
import os, statistics, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crawl import Session

base, user, password, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
s = Session(base)
s.sign_in(user, password)
for path in sys.argv[5:]:
    s.request('GET', path)
    times = []
    for _ in range(n):
        status, _, _, data, ms = s.request('GET', path)
        times.append(ms)
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95 + 0.5) - 1)]
    print(f'{path}\t{status}\t{len(data) / 1024:.0f} KB\tp50 {statistics.median(times):.0f} ms\tp95 {p95:.0f} ms')
