#!/usr/bin/env python3
"""async-profiler's folded stacks (collapsed, with threads) of the request threads, read for issue 14:
  python3 folded.py FILE [N] [FRAME...]
Prints the request threads' samples, the share by top frame's library (self), the N largest methods inclusive and
self, and for each FRAME given (a substring) the share of stacks holding it and what it calls most (children)."""
import collections, sys

path, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 40
frames = sys.argv[3:]
LIBS = [('org/jooq', 'jOOQ'), ('org.jooq', 'jOOQ'), ('org/postgresql', 'driver'), ('org.postgresql', 'driver'),
        ('com/zaxxer', 'Hikari'), ('com.zaxxer', 'Hikari'), ('tools/jackson', 'Jackson'), ('tools.jackson', 'Jackson'),
        ('org/apache', 'Tomcat'), ('org.apache', 'Tomcat'), ('org/springframework/security', 'Security'),
        ('org.springframework.security', 'Security'), ('org/springframework', 'Spring'), ('org.springframework', 'Spring'),
        ('org/rectify', 'rectify'), ('org.rectify', 'rectify'), ('java', 'JDK'), ('jdk', 'JDK'), ('sun', 'JDK')]


def lib(f):
    for p, l in LIBS:
        if f.startswith(p):
            return l
    if f.endswith('_[k]'):
        return 'kernel'
    return 'native/VM'


total = 0
self_lib, self_m, incl = collections.Counter(), collections.Counter(), collections.Counter()
children = {f: collections.Counter() for f in frames}
held = collections.Counter()
for line in open(path):
    stack, _, c = line.rstrip('\n').rpartition(' ')
    c = int(c)
    parts = stack.split(';')
    if not parts[0].startswith('[http-nio'):
        continue
    parts = parts[1:]
    total += c
    top = parts[-1]
    self_lib[lib(top)] += c
    self_m[top] += c
    for f in set(parts):
        incl[f] += c
    for f in frames:
        idx = [i for i, p in enumerate(parts) if f in p]
        if idx:
            held[f] += c
            i = idx[0]
            children[f][parts[i + 1] if i + 1 < len(parts) else '(self)'] += c
print(f'request-thread samples: {total}')
print('\nself by library:')
for l, c in self_lib.most_common():
    print(f'  {100 * c / total:5.1f} %  {l}')
print(f'\n{n} largest inclusive:')
for f, c in incl.most_common(n):
    print(f'  {100 * c / total:5.1f} %  {f}')
print(f'\n{n} largest self:')
for f, c in self_m.most_common(n):
    print(f'  {100 * c / total:5.1f} %  {f}')
for f in frames:
    print(f'\n{f}: {100 * held[f] / max(total, 1):.1f} %; its children:')
    for ch, c in children[f].most_common(25):
        print(f'  {100 * c / total:5.1f} %  {ch}')
