import glob, re, sys, collections
# statements the app's connections executed while log_min_duration_statement was 0, per submission, by kind
d, n = sys.argv[1], int(sys.argv[2])
pat = re.compile(r'^\S+ \S+ \S+ \[(\d+)\] (\S*) .*duration: [0-9.]+ ms  (execute [^:]+|statement): (.*)$')
kinds = collections.Counter(); total = 0
for f in sorted(glob.glob(d + '/*.log')):
    for l in open(f, errors='replace'):
        m = pat.match(l.rstrip('\n'))
        if not m or m.group(2) == 'postgres':
            continue
        sql = m.group(4).strip()
        key = re.sub(r'\s+', ' ', sql)[:90]
        kinds[key] += 1; total += 1
print(f'{total} statements by the app, {total / n:.2f} per submission (n={n})')
for k, v in kinds.most_common(40):
    print(f'{v / n:6.2f}  {k}')
