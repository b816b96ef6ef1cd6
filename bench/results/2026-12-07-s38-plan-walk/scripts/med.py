import sys, statistics, collections
def load(fs):
    d=collections.defaultdict(list)
    for f in fs:
        for l in open(f):
            p=l.split()
            if len(p)==3: d[(p[0],p[1])].append(float(p[2]))
    return d
a=load(sys.argv[1].split(',')); b=load(sys.argv[2].split(','))
print(f"{'login':22} {'figure':12} {'A median':>9} {'B median':>9} {'B/A':>6}   A range / B range")
for k in a:
    ma=statistics.median(a[k]); mb=statistics.median(b[k])
    print(f"{k[0]:22} {k[1]:12} {ma:9.1f} {mb:9.1f} {mb/ma:6.2f}   {min(a[k]):.0f}-{max(a[k]):.0f} / {min(b[k]):.0f}-{max(b[k]):.0f}")
