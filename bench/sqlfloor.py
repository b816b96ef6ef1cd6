#!/usr/bin/env python3
"""The SQL floor of each request: sends one warm request of each kind per role (the app logs its
statements through jOOQ's LoggerListener at debug level), takes the statements with their bind values
inlined from the log, and runs EXPLAIN (ANALYZE, BUFFERS) on each SELECT five times through psql
(PG* environment), keeping the median of planning + execution. Writes the plans to OUT/plans/ and
prints a Markdown table.  Usage: sqlfloor.py setup.json app.log OUT
"""
import json, os, random, re, statistics, subprocess, sys, time
setup_file, app_log, out = sys.argv[1:4]
os.makedirs(f'{out}/plans', exist_ok=True)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import measure as m  # the same requests as the load test

setup = json.load(open(setup_file))
m.configure(setup['base'])
LINE = re.compile(r'(Executing query|-> with bind values)\s*: (.*)$')
LOG_LINE = re.compile(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d')


def statements(start):
    with open(app_log, encoding='utf-8', errors='replace') as f:
        f.seek(start)
        text = f.read()
    found, pending = [], None
    lines = text.split('\n')
    for i, line in enumerate(lines):
        hit = LINE.search(line)
        if not hit:
            continue
        # a statement with a literal holding line breaks (the due list's untitled check trims every whitespace
        # character) goes on over the lines up to the next log line
        j = i + 1
        while j < len(lines) and not LOG_LINE.match(lines[j]):
            line += '\n' + lines[j]
            j += 1
        hit = LINE.search(line.replace('\n', '\x00'))
        hit = (hit.group(1), hit.group(2).replace('\x00', '\n'))
        if hit[0] == 'Executing query':
            if pending:
                found.append(pending)
            pending = hit[1]
        else:
            pending = hit[1]  # the same statement with its values inlined
    if pending:
        found.append(pending)
    return found


def explain(sql):
    times, plan = [], ''
    for _ in range(5):
        r = subprocess.run(['psql', '-X', '-At', '-c', 'explain (analyze, buffers) ' + sql], capture_output=True, text=True)
        if r.returncode != 0:
            return None, r.stderr.strip()
        plan = r.stdout
        pl = float(re.search(r'Planning Time: ([\d.]+)', plan).group(1))
        ex = float(re.search(r'Execution Time: ([\d.]+)', plan).group(1))
        times.append(pl + ex)
    return statistics.median(times), plan


print('| role | request | statements | SELECTs: planning + execution ms (median of 5) | sum ms |')
print('|---|---|---|---|---|')
n = 0
for role, cfg in setup['roles'].items():
    cfg = dict(cfg, slots=cfg.get('floor_slots', []))  # the load test's slots stay free
    ops = m.make_ops(role, cfg)
    for name, op in ops.items():
        c = m.conn()
        rnd = random.Random(1)
        try:
            op(c, rnd); op(c, rnd)  # warm
        except StopIteration:
            continue
        time.sleep(0.5)
        start = os.path.getsize(app_log)
        t0 = time.perf_counter()
        op(c, rnd)
        request_ms = (time.perf_counter() - t0) * 1000
        c.close()
        time.sleep(1)
        stmts = statements(start)
        parts, total = [], 0.0
        for sql in stmts:
            if not sql.lstrip().lower().startswith(('select', 'with')):
                continue
            ms, plan = explain(sql)
            n += 1
            with open(f'{out}/plans/{n:03d}-{role}-{name}.txt', 'w') as f:
                f.write(sql + '\n\n' + (plan or ''))
            if ms is not None:
                parts.append(f'{ms:.2f}')
                total += ms
        print(f'| {role} | {name} (single warm request {request_ms:.1f} ms) | {len(stmts)} | {" + ".join(parts)} | {total:.2f} |',
              flush=True)
