import collections, sys
# split.py FOLDED FRAME: of the request threads samples, the share holding FRAME, and below it the driver (the round trip) against the rest by library
path, frame = sys.argv[1], sys.argv[2]
tot=0; held=0; lib=collections.Counter(); child=collections.Counter()
def L(f):
    for p,l in [('org/jooq','jOOQ'),('org/postgresql','driver'),('com/zaxxer','Hikari'),('org/springframework','Spring'),('org/rectify','rectify'),('java','JDK'),('jdk','JDK'),('sun','JDK')]:
        if f.startswith(p): return l
    return 'kernel' if f.endswith('_[k]') else 'native/VM'
for line in open(path):
    stack,_,n=line.rstrip('\n').rpartition(' '); n=int(n)
    parts=stack.split(';')
    if not parts[0].startswith('[http-nio'): continue
    tot+=n
    if frame in parts:
        held+=n
        i=parts.index(frame)
        sub=parts[i+1:]
        # attribute: if any driver frame below -> 'driver(+kernel)', else library of top
        if any(p.startswith('org/postgresql') for p in sub):
            j=next(k for k,p in enumerate(sub) if p.startswith('org/postgresql'))
            lib['driver+below: '+sub[j]]+=n
        else:
            lib['no driver: '+L(sub[-1]) if sub else 'self']+=n
print(f'{frame}: {100*held/tot:.1f} % of request samples')
for k,v in lib.most_common(15): print(f'  {100*v/tot:5.2f} {k}')
