#!/usr/bin/env python3
"""Bytes allocated by the request threads (http-nio) during a recording: the growth of jdk.ThreadAllocationStatistics
per thread between its first and last event.  Usage: jfr print --events jdk.ThreadAllocationStatistics X.jfr | allocsum.py"""
import sys, re
first, last = {}, {}
for block in sys.stdin.read().split('jdk.ThreadAllocationStatistics')[1:]:
    t = re.search(r'thread = "([^"]+)"', block); a = re.search(r'allocated = ([\d.]+) (\w+)', block)
    if not t or not a or 'http-nio' not in t.group(1): continue
    v = float(a.group(1)) * {'bytes': 1, 'byte': 1, 'kB': 1e3, 'MB': 1e6, 'GB': 1e9}[a.group(2)]
    first.setdefault(t.group(1), v); last[t.group(1)] = v
print(f'{sum(last[k] - first[k] for k in last) / 1e6:.1f} MB on {len(last)} request threads')
