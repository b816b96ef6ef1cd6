import json, sys
s=open(sys.argv[1]+'/fpi.jsonl').read(); dec=json.JSONDecoder(); i=0; rows=[]
while i < len(s):
    while i < len(s) and s[i].isspace(): i+=1
    if i>=len(s): break
    o,j=dec.raw_decode(s,i); rows.append(o); i=j
t0=float(sys.argv[2]) if len(sys.argv)>2 else 0; t1=float(sys.argv[3]) if len(sys.argv)>3 else 1e12; n=int(sys.argv[4]) if len(sys.argv)>4 else 1
tot={}
for r in rows:
    if not (t0 < r['t'] <= t1): continue
    for x in r['rels'] or []:
        t=tot.setdefault(x['rel'],[0,0,0]); t[0]+=x['blocks']; t[1]+=x['fpis']; t[2]+=x['fpi_bytes']
print('relation | block refs/op | FPIs/op | FPI bytes/op')
for k,v in sorted(tot.items(), key=lambda kv:-kv[1][1])[:int(sys.argv[5]) if len(sys.argv)>5 else 20]:
    print(f'{k} | {v[0]/n:.2f} | {v[1]/n:.3f} | {v[2]/n:.0f}')
print('all |', f"{sum(v[0] for v in tot.values())/n:.2f} | {sum(v[1] for v in tot.values())/n:.3f} | {sum(v[2] for v in tot.values())/n:.0f}")
