import re, sys, collections
# statements per transaction of each backend, from a log_statement = all log; prints the transaction that wrote tasks
pat = re.compile(r'^\S+ \S+ \S+ \[(\d+)\] LOG:  (?:execute [^:]*|statement): (.*)')
tx = collections.defaultdict(list)
done = []
for line in open(sys.argv[1], encoding='utf-8', errors='replace'):
    m = pat.match(line)
    if not m: continue
    pid, sql = m.group(1), m.group(2)
    tx[pid].append(sql)
    if sql.strip().upper() in ('COMMIT', 'ROLLBACK'):
        done.append((pid, tx.pop(pid)))
for pid, stmts in done:
    if any(s.startswith('insert into "task" ') for s in stmts):
        c = collections.Counter(re.sub(r'\s+', ' ', s)[:70] for s in stmts)
        print('publish transaction, statements:', len(stmts))
        for k, v in c.most_common(25): print(f'{v:6d} {k}')
