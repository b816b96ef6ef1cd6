#!/usr/bin/env python3
"""What a paged read's statements touch at each size of the province (issue 14: cost that does not grow with the
data). Reads the plans bench/sqlfloor.py wrote (one EXPLAIN (ANALYZE, BUFFERS) per SELECT of one warm request of each
kind and role, OUT/sql/plans/NNN-role-op.txt) for two or more runs, and prints per request and statement the buffers
its execution touched (shared hit + read: the same warm or cold, unlike its time) and the rows its scans read (rows
returned by every scan node times its loops, plus the rows its filters removed), side by side, with the ratio of the
largest size to the smallest. A statement whose buffers grow with the data is a defect of a paged read; B-tree depth
(a fourth level somewhere between 10^5 and 10^7 rows) adds one buffer per lookup and is not growth in that sense.
  python3 bench/growth.py 10k=RUN_10K/sql 100k=RUN_100K/sql 1M=RUN_1M/sql [--ops "q1 q2 ..."] [--detail] [--kept]
(--kept: the counts behind kept totals instead, bench/keptfloor.py's plans, by statement)
"""
import argparse, collections, glob, os, re, sys

SCAN = re.compile(r'(Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan|Bitmap Index Scan|Function Scan|CTE Scan)'
                  r'.*\(actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+) loops=(\d+)\)')
NODE = re.compile(r'\(actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+) loops=(\d+)\)')
REMOVED = re.compile(r'Rows Removed by (?:Filter|Index Recheck): (\d+)')
# a token's sign-in (kept 5 s, so in one size's request and not another's) and the webhook poller's statement
NOT_THE_REQUEST = re.compile(r'from "(public"\.")?(api_token|outbound_message)"')
BUFFERS = re.compile(r'Buffers: shared(?: hit=(\d+))?(?: read=(\d+))?')


def measure(plan):
    """(buffers of the execution, rows read by scans, JIT used, rows returned) of one EXPLAIN ANALYZE text."""
    lines = plan.splitlines()
    buffers, rows, loops, jit, returned = None, 0.0, 1, False, None
    for line in lines:
        if line.startswith('Planning'):
            break  # what follows is the planner's, not the statement's
        if buffers is None:
            b = BUFFERS.search(line)
            if b:  # the top node's: every node below it, subplans included
                buffers = int(b.group(1) or 0) + int(b.group(2) or 0)
        s = SCAN.search(line)
        n = NODE.search(line)
        if n:
            loops = int(n.group(2))
            if returned is None:
                returned = int(float(n.group(1)))
        if s:
            rows += float(s.group(2)) * int(s.group(3))
        r = REMOVED.search(line)
        if r:
            rows += int(r.group(1)) * loops  # EXPLAIN gives the removed rows per loop
    jit = '\nJIT:' in plan
    return buffers or 0, int(round(rows)), jit, returned or 0


def driver(plan):
    """The index or table the plan reads first: which statement of a request this is, to a reader."""
    m = re.search(r'Scan(?: using (\S+))? on (\S+)', plan)
    return (m.group(1) or m.group(2)) if m else '(no scan)'


def load(directory):
    """{(role, op): [(shape, buffers, rows, jit), ...]} in the request's statement order."""
    found = collections.defaultdict(list)
    for f in sorted(glob.glob(os.path.join(directory, 'plans', '*.txt'))):
        name = os.path.basename(f)[:-4].split('-', 1)[1]
        role, op = name.rsplit('-', 1)
        sql, _, plan = open(f, encoding='utf-8').read().partition('\n\n')
        if NOT_THE_REQUEST.search(sql[:400]):
            continue
        found[(role, op)].append((driver(plan),) + measure(plan))
    return found


def kept(directory):
    """{plan name: (statement head, buffers, rows, jit)} of bench/keptfloor.py's plans."""
    found = {}
    for f in sorted(glob.glob(os.path.join(directory, 'kept-plans', '*.txt'))):
        sql, _, plan = open(f, encoding='utf-8').read().partition('\n\n')
        found[os.path.basename(f)[:-4]] = (re.sub(r'"public"\.|"', '', sql)[:110],) + measure(plan)
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('runs', nargs='+', help='label=directory holding plans/')
    ap.add_argument('--ops', default='q1 q2 q3 insight task due')
    ap.add_argument('--detail', action='store_true', help='a row per statement too')
    ap.add_argument('--kept', action='store_true', help="the kept totals' counts (bench/keptfloor.py) instead")
    a = ap.parse_args()
    if a.kept:
        runs = [(r.split('=', 1)[0], kept(r.split('=', 1)[1])) for r in a.runs]
        labels = [l for l, _ in runs]
        print('| count | ' + ' | '.join(f'buffers {l}' for l in labels) + ' | '
              + ' | '.join(f'rows read {l}' for l in labels) + ' | statement |')
        print('|---|' + '---|' * (2 * len(labels) + 1))
        for name in sorted({k for _, d in runs for k in d}):
            cells = [d.get(name) for _, d in runs]
            head = next(c[0] for c in cells if c)
            jit = ' (JIT)' if any(c and c[3] for c in cells) else ''
            print(f'| {name}{jit} | ' + ' | '.join(f'{c[1]:,}' if c else '-' for c in cells) + ' | '
                  + ' | '.join(f'{c[2]:,}' if c else '-' for c in cells) + f' | `{head}` |')
        return
    runs = [(r.split('=', 1)[0], load(r.split('=', 1)[1])) for r in a.runs]
    labels = [l for l, _ in runs]
    ops = a.ops.split()
    keys = sorted({k for _, d in runs for k in d if k[1] in ops}, key=lambda k: (k[0], ops.index(k[1])))
    # a page shows more rows as the province grows until it is full (50): the buffers per row shown tell a
    # statement that reads more per row from one that shows more rows
    print('| role | read | statements | ' + ' | '.join(f'buffers {l}' for l in labels) + ' | '
          + ' | '.join(f'rows read {l}' for l in labels) + ' | ' + ' | '.join(f'rows shown {l}' for l in labels)
          + f' | buffers {labels[-1]} ÷ {labels[0]} | per row shown {labels[-1]} ÷ {labels[0]} |')
    print('|---|---|---|' + '---|' * (3 * len(labels) + 2))
    for role, op in keys:
        per = [d.get((role, op), []) for _, d in runs]
        b = [sum(s[1] for s in p) for p in per]
        r = [sum(s[2] for s in p) for p in per]
        n = '/'.join(str(len(p)) for p in per)
        shown = [max([s[4] for s in p] or [0]) for p in per]
        ratio = f'{b[-1] / b[0]:.2f}' if b[0] else '-'
        per_row = f'{(b[-1] / shown[-1]) / (b[0] / shown[0]):.2f}' if b[0] and shown[0] and shown[-1] else '-'
        jit = ' (JIT)' if any(s[3] for p in per for s in p) else ''
        print(f'| {role} | {op}{jit} | {n} | ' + ' | '.join(f'{x:,}' for x in b) + ' | '
              + ' | '.join(f'{x:,}' for x in r) + ' | ' + ' | '.join(f'{x:,}' for x in shown) + f' | {ratio} | {per_row} |')
        if a.detail:
            for i in range(max(len(p) for p in per)):
                cells = [p[i] if i < len(p) else None for p in per]
                table = next(c[0] for c in cells if c)
                print(f'| | #{i + 1} {table} | | ' + ' | '.join(f'{c[1]:,}' if c else '-' for c in cells) + ' | '
                      + ' | '.join(f'{c[2]:,}' if c else '-' for c in cells) + ' | '
                      + ' | '.join(f'{c[4]:,}' if c else '-' for c in cells) + ' | | |')


if __name__ == '__main__':
    sys.exit(main())
