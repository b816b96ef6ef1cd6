import sys, threading, time, subprocess
sys.path.insert(0, __import__('os').path.join(__import__('os').path.dirname(__file__), '../../..'))
from crawl import Session
base, user, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
s = Session(base); s.sign_in(user, 'bench-pass-2026')
for p in paths:
    st, loc, ct, data, ms = s.request('GET', p)
    print(f'{ms:8.1f} ms {st} {p} {len(data)}B', flush=True)
