import sys
def rd(p):
    d={}
    for l in open(p):
        n,c,t,s=l.split(); d[n]=(int(c),float(t),float(s))
    return d
a,b=rd(sys.argv[1]),rd(sys.argv[2])
rows=[]
for n,(c,t,s) in b.items():
    c0,t0,s0=a.get(n,(0,0,0))
    if c-c0: rows.append((t-t0,n,c-c0,s-s0))
for t,n,c,s in sorted(rows,reverse=True): print(f"{n:40s} calls {c:7d} total {t/1000:8.2f}s self {s/1000:8.2f}s per-call {t/c:7.2f}ms")
