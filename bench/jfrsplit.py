#!/usr/bin/env python3
"""A flight recording's execution samples in a window, split for reading (issue 14's Q4 rounds):
  python3 bench/jfrsplit.py REC.jfr START_EPOCH END_EPOCH [THREAD_PREFIX] [FRAME_FILTER...]
THREAD_PREFIX: only threads whose name starts so (default http-nio: the request threads; '' for all).
Prints the samples' share by the top frame's library (self), by method inclusive (the 40 largest), and, for each
FRAME_FILTER given (a substring of a frame: class.method), the callers-inclusive share of the stacks holding it.
The recording needs deep stacks to be read by step: -XX:FlightRecorderOptions=stackdepth=256."""
import collections, json, subprocess, sys
from datetime import datetime

rec, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
prefix = sys.argv[4] if len(sys.argv) > 4 else 'http-nio'
filters = sys.argv[5:]
raw = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '256', '--events', 'jdk.ExecutionSample', rec],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(raw)['recording']['events']

LIBS = [('org.jooq', 'jOOQ'), ('org.postgresql', 'PostgreSQL driver'), ('com.zaxxer', 'Hikari'),
        ('tools.jackson', 'Jackson'), ('com.fasterxml', 'Jackson'), ('org.apache.tomcat', 'Tomcat'),
        ('org.apache.catalina', 'Tomcat'), ('org.apache.coyote', 'Tomcat'), ('org.springframework.security', 'Security'),
        ('org.springframework.transaction', 'transactions'), ('org.springframework.jdbc', 'transactions'),
        ('org.springframework.web', 'Spring MVC'), ('org.springframework', 'Spring other'), ('org.rectify', 'rectify'),
        ('java.', 'JDK'), ('javax.', 'JDK'), ('jdk.', 'JDK'), ('sun.', 'JDK'), ('ch.qos', 'logging'), ('org.slf4j', 'logging')]


def lib(name):
    for p, l in LIBS:
        if name.startswith(p):
            return l
    return 'other'


def frames(e):
    st = e['values'].get('stackTrace') or {}
    return [f"{f['method']['type']['name'].replace('/', '.')}.{f['method']['name']}" for f in st.get('frames', [])]


def epoch(t):
    return datetime.fromisoformat(t.replace('Z', '+00:00')).timestamp()


picked = []
for e in events:
    v = e['values']
    th = (v.get('sampledThread') or {}).get('javaName') or ''
    if not th.startswith(prefix):
        continue
    if not (start <= epoch(v['startTime']) <= end):
        continue
    picked.append(frames(e))
n = len(picked)
print(f'{n} samples, threads {prefix!r}*, window {start:.1f}-{end:.1f}')
if not n:
    sys.exit()
self_lib = collections.Counter(lib(f[0]) if f else '?' for f in picked)
print('\n## by the top frame\'s library (self)')
for k, c in self_lib.most_common():
    print(f'{100 * c / n:5.1f} %  {k}')
# by the first library frame from the top: the library the time is spent in, called from wherever
incl = collections.Counter()
for f in picked:
    for m in set(f):
        incl[m] += 1
print('\n## inclusive, the 60 largest methods')
for m, c in incl.most_common(60):
    print(f'{100 * c / n:5.1f} %  {m}')
print('\n## inclusive, rectify methods')
for m, c in [x for x in incl.most_common() if x[0].startswith('org.rectify')][:60]:
    print(f'{100 * c / n:5.1f} %  {m}')
for flt in filters:
    hold = [f for f in picked if any(flt in m for m in f)]
    print(f'\n## stacks holding {flt}: {len(hold)} ({100 * len(hold) / n:.1f} %); below it, inclusive')
    below = collections.Counter()
    for f in hold:
        i = max(k for k, m in enumerate(f) if flt in m)
        for m in set(f[:i]):
            below[m] += 1
    for m, c in below.most_common(30):
        print(f'{100 * c / n:5.1f} %  {m}')
