#!/usr/bin/env python3
"""The statements behind kept totals (issue 14): a warm request's statements (bench/sqlfloor.py) leave out the counts a
list keeps (platform.KeptTotals: counted once per scope and filter, again after a task changes on this node or every
30 s), yet those are the statements that read a whole scope. Takes every distinct counting SELECT (count(...), with its
values inline) the app logged through jOOQ (app started with org.jooq.tools.LoggerListener at debug, as run.sh's SQL
floor does), runs EXPLAIN (ANALYZE, BUFFERS) on each three times through psql (PG* environment) and writes the plans to
OUT/kept-plans/ (named by a digest of the statement without its values, so sizes line up) and a Markdown table.
  python3 bench/keptfloor.py app.log OUT
"""
import hashlib, os, re, statistics, subprocess, sys

app_log, out = sys.argv[1:3]
os.makedirs(f'{out}/kept-plans', exist_ok=True)
LINE = re.compile(r'(Executing query|-> with bind values)\s*: (.*)$')


def statements():
    found, pending = [], None
    for line in open(app_log, encoding='utf-8', errors='replace'):
        hit = LINE.search(line)
        if not hit:
            continue
        if hit.group(1) == 'Executing query' and pending:
            found.append(pending)
        pending = hit.group(2)
    if pending:
        found.append(pending)
    return found


def shape(sql):
    s = re.sub(r"'[^']*'", '?', sql)
    return re.sub(r'\b\d+\b', '?', s)


seen, rows = set(), []
for sql in statements():
    low = sql.lstrip().lower()
    if not low.startswith(('select', 'with')) or 'count(' not in low or '?' in re.sub(r"'[^']*'", '', sql):
        continue  # only counts, and only with their values inline
    if sql in seen:
        continue
    seen.add(sql)
    times, plan = [], ''
    for _ in range(3):
        r = subprocess.run(['psql', '-X', '-At', '-c', 'explain (analyze, buffers) ' + sql], capture_output=True, text=True)
        if r.returncode != 0:
            break
        plan = r.stdout
        times.append(float(re.search(r'Planning Time: ([\d.]+)', plan).group(1))
                     + float(re.search(r'Execution Time: ([\d.]+)', plan).group(1)))
    if not times:
        continue
    key = hashlib.sha1(shape(sql).encode()).hexdigest()[:8]
    name = f'{key}-{len([r for r in rows if r[0] == key])}'
    with open(f'{out}/kept-plans/{name}.txt', 'w') as f:
        f.write(sql + '\n\n' + plan)
    b = re.search(r'Buffers: shared(?: hit=(\d+))?(?: read=(\d+))?', plan)
    buffers = int(b.group(1) or 0) + int(b.group(2) or 0) if b else 0
    rows.append((key, name, statistics.median(times), buffers, 'JIT' if '\nJIT:' in plan else '', sql))

print('| plan | ms (median of 3) | buffers | JIT | statement |\n|---|---|---|---|---|')
for key, name, ms, buffers, jit, sql in rows:
    print(f'| {name} | {ms:.2f} | {buffers:,} | {jit} | `{sql[:160]}` |')
