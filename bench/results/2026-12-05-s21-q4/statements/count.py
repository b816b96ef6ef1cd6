import re, sys, collections
# statements per submission by backend after the first submission's task read: execute lines (COMMIT apart), BEGINs
lines = open(sys.argv[1]).read().split('\n'); n = int(sys.argv[2])
pat = re.compile(r'^(\S+ \S+) UTC \[(\d+)\] \S* ?LOG:  duration: ([\d.]+) ms  (statement|execute)([^:]*):\s?(.*)$')
started = False; c = collections.Counter(); kinds = collections.Counter()
for l in lines:
    m = pat.match(l)
    if not m: continue
    t, pid, d, kind, name, text = m.groups()
    if not started and text.startswith('select "task"."id"'):
        started = True
    if not started or 'scheduled_tasks' in text or 'outbound_message' in text or 'pg_stat_io' in text or 'alter system' in text or 'pg_reload_conf' in text:
        continue
    if kind == 'statement' and text.strip() in ('', ):
        continue
    k = 'BEGIN' if text.startswith('BEGIN') else 'COMMIT' if text.startswith('COMMIT') else 'stmt'
    c[(pid, k)] += 1
    if k == 'stmt': kinds[(pid, text[:70])] += 1
for (pid, k), v in sorted(c.items()): print(pid, k, round(v / n, 2))
for (pid, t), v in sorted(kinds.items()): print(pid, round(v / n, 2), t)
