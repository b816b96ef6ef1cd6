#!/usr/bin/env python3
"""Summarise a JFR's execution samples: per library, self (first non-JDK frame from the top) and inclusive (any frame).
Usage: jfr print --events jdk.ExecutionSample --stack-depth 256 X.jfr | python3 jfrsum.py [thread-substring]"""
import sys, re, collections
want = sys.argv[1] if len(sys.argv) > 1 else 'http-nio'
LIBS = [('org.rectify', 'rectify'), ('org.springframework.security', 'spring-security'),
        ('org.springframework.web', 'spring-web/mvc'), ('org.springframework.transaction', 'spring-tx'),
        ('org.springframework.jdbc', 'spring-jdbc'), ('org.springframework.aop', 'spring-aop'),
        ('org.springframework', 'spring-other'), ('tools.jackson', 'jackson'), ('com.fasterxml', 'jackson'),
        ('org.jooq', 'jooq'), ('org.postgresql', 'pgjdbc'), ('com.zaxxer', 'hikari'),
        ('org.apache.catalina', 'tomcat'), ('org.apache.coyote', 'tomcat'), ('org.apache.tomcat', 'tomcat'),
        ('org.thymeleaf', 'thymeleaf'), ('ch.qos', 'logback'), ('org.slf4j', 'slf4j')]
def lib(frame):
    for p, n in LIBS:
        if frame.startswith(p): return n
    if frame.startswith(('java.', 'jdk.', 'sun.', 'javax.')): return None
    return 'other:' + '.'.join(frame.split('.')[:3])
self_c = collections.Counter(); incl = collections.Counter(); top = collections.Counter(); n = 0
frames = None; thread = ''
methods_incl = collections.Counter()
for line in sys.stdin:
    s = line.strip()
    if s.startswith('sampledThread'):
        thread = s
    elif s.startswith('stackTrace = ['):
        frames = []
    elif frames is not None:
        if s == ']' or s.startswith(']'):
            if want in thread:
                n += 1
                names = [re.sub(r'\(.*', '', f) for f in frames]
                first = next((lib(f) for f in names if lib(f)), 'jdk')
                self_c[first] += 1
                for b in set(filter(None, map(lib, names))): incl[b] += 1
                top[names[0] if names else '?'] += 1
                for m in set(names): methods_incl[m] += 1
            frames = None
        elif s and not s.startswith('...'):
            frames.append(s)
print(f'samples on {want}: {n}')
print('self (first non-JDK frame):')
for k, v in self_c.most_common(): print(f'  {k:20s} {100*v/n:5.1f} %')
print('inclusive:')
for k, v in incl.most_common(): print(f'  {k:20s} {100*v/n:5.1f} %')
print('top frames:')
for k, v in top.most_common(25): print(f'  {100*v/n:5.1f} % {k}')
print('inclusive methods (rectify, jooq, spring, jackson):')
for k, v in methods_incl.most_common(3000):
    if k.startswith(('org.rectify', 'org.jooq', 'org.springframework', 'tools.jackson', 'org.postgresql', 'org.apache', 'com.zaxxer')) and v/n > 0.015:
        print(f'  {100*v/n:5.1f} % {k}')
