import sys
sys.path.insert(0, __import__('os').path.join(__import__('os').path.dirname(__file__), '../../..'))
from crawl import Session
base, user, path = sys.argv[1], sys.argv[2], sys.argv[3]
s = Session(base); s.sign_in(user, 'bench-pass-2026')
st, loc, ct, data, ms = s.request('GET', path)
sys.stdout.write(data.decode())
