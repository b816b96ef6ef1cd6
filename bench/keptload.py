#!/usr/bin/env python3
"""What a reader pays for totals while tasks change (issue 14, session 18): for each run of bench/pairs.sh (or one
run.sh OUT) measured with MEASURE_OPTS="--alongside ROLE:OP:N --pgstat", each window's reads per second, the operations
run beside it, and PostgreSQL's counters per read: rows read by sequential scans of task (a count of a scope's tasks
on the task table reads them all), blocks touched in task_open_reach (the open tasks' count) and in every table; with
bench/cpusplit.py's samples beside a run (CPUSPLIT=1 in pairs.sh), the CPU per read of the JVM and of PostgreSQL's
backends. Counts, not times: a busy machine moves them little. The counters include what the operations beside the
window did (a report read and written): compare the same window of two builds.
  python3 bench/keptload.py OUT"""
import glob, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cpusplit import HZ, sample_at
out = sys.argv[1]
runs = sorted(glob.glob(f'{out}/*-[AB]')) or [out]
print('| run | role | op | ops/s | p95 ms | beside: ops (errors) | task rows scanned per op | open-reach blocks per op '
      '| blocks per op (all tables) | CPU ms per op: JVM / PG backends |')
print('|---|---|---|---|---|---|---|---|---|---|')
for run in runs:
    samples = []
    if os.path.exists(f'{run}/cpusplit.jsonl'):
        samples = [json.loads(l) for l in open(f'{run}/cpusplit.jsonl')]

    at = lambda t: sample_at(samples, t)
    if not os.path.exists(f'{run}/results.jsonl'):
        continue  # a run under way
    for line in open(f'{run}/results.jsonl'):
        w = json.loads(line)
        n = max(1, w['ops'])
        pg = w.get('pg', {})
        side = w.get('alongside')
        cpu = '—'
        if samples:
            a, b = at(w['start_epoch']), at(w['end_epoch'])
            ms = lambda g: (b.get(g, 0) - a.get(g, 0)) * 1000 / HZ / n
            cpu = f"{ms('jvm'):.2f} / {ms('pg_backend'):.2f}"
        per = lambda k: f"{pg[k] / n:,.1f}" if k in pg else '—'
        print(f"| {os.path.basename(run)} | {w['role']} | {w['query']} | {w['ops_per_s']:,.0f} | {w['p95_ms']} "
              f"| {side['ops'] if side else '—'}{' (' + str(side['errors']) + ')' if side and side['errors'] else ''} "
              f"| {per('task_seq_rows')} | {per('open_reach_blocks')} | {per('all_blocks')} | {cpu} |")
