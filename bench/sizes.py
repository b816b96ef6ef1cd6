"""The three sizes side by side (ops/s and p95 ms, wrk): run in a results folder: python3 ../../sizes.py [QUIET_UNTIL_EPOCH]
A 10k figure taken after QUIET_UNTIL (when other work started on the machine) is marked * and left out of ratios.
With each size's pagerows.md (bench/run.sh writes it) copied as pagerows-10k.md, -100k.md, -1m.md, a last column gives
the rows each page shows at the three sizes: a page fuller at a larger size is not the same request."""
import json, os, sys
quiet = float(sys.argv[1]) if len(sys.argv) > 1 else float('inf')
rows, shown = {}, {}
for size in ('10k', '100k', '1m'):
    name = f'results-{size}{"-wrk" if size == "100k" else ""}.jsonl'
    if not os.path.exists(name):  # a size not measured in this window (bench/window.sh without a 1M master): its cells —
        continue
    for line in open(name):
        r = json.loads(line)
        rows.setdefault((r['role'], r['query']), {})[size] = r
    if os.path.exists(f'pagerows-{size}.md'):
        for line in open(f'pagerows-{size}.md'):
            c = [x.strip() for x in line.strip().strip('|').split('|')]
            if len(c) > 3 and c[2].isdigit():  # role, op, pages, rows shown, ...
                shown.setdefault((c[0], c[1]), {})[size] = c[3]
extra = bool(shown)
print('| role | op | 10k | 100k | 1M | 1M ÷ 100k | 1M ÷ 10k |' + (' rows shown 10k / 100k / 1M |' if extra else '')
      + '\n|---|---|---|---|---|---|---|' + ('---|' if extra else ''))
for (role, op), by in rows.items():
    cell = lambda s: '—' if s not in by else f"{by[s]['ops_per_s']:,.0f} ({by[s]['p95_ms']})" + (' *' if by[s]['end_epoch'] > quiet else '')
    ok = lambda s: s in by and by[s]['end_epoch'] <= quiet
    ratio = lambda a, b: f"{by[a]['ops_per_s'] / by[b]['ops_per_s']:.2f}" if ok(a) and ok(b) else '—'
    rs = ' / '.join(shown.get((role, op), {}).get(size, '—') for size in ('10k', '100k', '1m'))
    print(f"| {role} | {op} | {cell('10k')} | {cell('100k')} | {cell('1m')} | {ratio('1m', '100k')} | {ratio('1m', '10k')} |"
          + (f' {rs} |' if extra else ''))
