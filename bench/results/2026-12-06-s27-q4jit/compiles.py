#!/usr/bin/env python3
"""Compilations in the last SECONDS of a -XX:+PrintCompilation log (the app's stdout): by tier, the methods C2
compiled more than once, and by package.   python3 compiles.py app.log [SECONDS]"""
import collections, re, sys
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 40
comp = []
for line in open(sys.argv[1], errors='replace'):
    m = re.match(r'\s*(\d+)\s+(\d+)\s+([%sbn!]*)\s*(\d)\s+(\S+)(.*)', line)
    if m:
        comp.append((int(m.group(1)), int(m.group(4)), m.group(5), m.group(6)))
end = comp[-1][0]
last = [c for c in comp if c[0] > end - seconds * 1000 and 'made' not in c[3]]
print(f'{len(comp)} lines; compilations in the last {seconds:.0f} s: {len(last)}, by tier',
      dict(sorted(collections.Counter(c[1] for c in last).items())))
print('C2 (tier 4) more than once:', [(m, n) for m, n in collections.Counter(c[2] for c in last if c[1] == 4).most_common(10) if n > 1])
print('by package:', collections.Counter(c[2].split('::')[0].rsplit('.', 1)[0] for c in last).most_common(12))
