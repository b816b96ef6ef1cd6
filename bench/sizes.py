"""The three sizes side by side (ops/s and p95 ms, wrk): run in a results folder: python3 ../../sizes.py [QUIET_UNTIL_EPOCH]
A 10k figure taken after QUIET_UNTIL (when other work started on the machine) is marked * and left out of ratios."""
import json, sys
quiet = float(sys.argv[1]) if len(sys.argv) > 1 else float('inf')
rows = {}
for size in ('10k', '100k', '1m'):
    for line in open(f'results-{size}{"-wrk" if size == "100k" else ""}.jsonl'):
        r = json.loads(line)
        rows.setdefault((r['role'], r['query']), {})[size] = r
print('| role | op | 10k | 100k | 1M | 1M ÷ 100k | 1M ÷ 10k |\n|---|---|---|---|---|---|---|')
for (role, op), by in rows.items():
    cell = lambda s: '—' if s not in by else f"{by[s]['ops_per_s']:,.0f} ({by[s]['p95_ms']})" + (' *' if by[s]['end_epoch'] > quiet else '')
    ok = lambda s: s in by and by[s]['end_epoch'] <= quiet
    ratio = lambda a, b: f"{by[a]['ops_per_s'] / by[b]['ops_per_s']:.2f}" if ok(a) and ok(b) else '—'
    print(f"| {role} | {op} | {cell('10k')} | {cell('100k')} | {cell('1m')} | {ratio('1m', '100k')} | {ratio('1m', '10k')} |")
