import re, sys
# condensed statement lines: time pid kind dur text[:150]; skips plan/DETAIL blocks
pat = re.compile(r'^(\S+ \S+) UTC \[(\d+)\] \S* ?LOG:  duration: ([\d.]+) ms  (statement|parse|bind|execute|plan)([^:]*):\s?(.*)$')
lines = open(sys.argv[1]).read().split('\n')
for i, l in enumerate(lines):
    m = pat.match(l)
    if not m: continue
    t, pid, d, kind, name, text = m.groups()
    if kind == 'plan':
        # next line is Query Text
        q = lines[i+1].strip() if i+1 < len(lines) else ''
        text = q.replace('Query Text: ', '')
    print(t[11:], pid, kind + name, d, text[:int(sys.argv[2]) if len(sys.argv) > 2 else 140])
