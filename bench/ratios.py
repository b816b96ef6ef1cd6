"""rectify ÷ Redmine, the same window: run in a results folder: python3 ../../ratios.py (results-100k.jsonl, results-100k-q4-wrk.jsonl, redmine.jsonl).
Redmine's Q3 is its dashboard's stand-in too (six ledger calls: it has no count API)."""
import json
red = {r['query']: r['ops_per_s'] for r in map(json.loads, open('redmine.jsonl'))}
rows = [json.loads(l) for f in ('results-100k.jsonl', 'results-100k-q4-wrk.jsonl') for l in open(f)]
ratio = lambda x: f"{x:.1f}×" if x < 10 else f"{x:,.0f}×"
anchor = {'q1': 'q1', 'q2': 'q2', 'q3': 'q3', 'insight': 'q3', 'q4': 'q4'}
print('| role | op | Redmine | rectify python | ÷ | rectify wrk | ÷ |\n|---|---|---|---|---|---|---|')
for role in dict.fromkeys(r['role'] for r in rows):
    for op in anchor:
        by = {r.get('client', 'python'): r for r in rows if r['role'] == role and r['query'] == op}
        if not by:
            continue
        cell = lambda c: (f"{by[c]['ops_per_s']:,.0f} ({by[c]['p95_ms']})", ratio(by[c]['ops_per_s'] / red[anchor[op]])) if c in by else ('—', '—')
        print(f"| {role} | {op} | {red[anchor[op]]} | {' | '.join(cell('python'))} | {' | '.join(cell('wrk'))} |")
