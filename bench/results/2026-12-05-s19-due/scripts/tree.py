#!/usr/bin/env python3
# tree.py REC START END ROOT_SUBSTR [DEPTH] [MINPCT]: a top-down tree of request-thread samples below the frame ROOT
import collections, json, subprocess, sys
from datetime import datetime
rec, start, end, root = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
depth = int(sys.argv[5]) if len(sys.argv) > 5 else 6
minp = float(sys.argv[6]) if len(sys.argv) > 6 else 0.5
ev = json.loads(subprocess.run(['jfr', 'print', '--json', '--stack-depth', '256', '--events', 'jdk.ExecutionSample', rec],
                               capture_output=True, text=True, check=True).stdout)['recording']['events']
tot = 0
tree = {}
for e in ev:
    v = e['values']
    if not ((v.get('sampledThread') or {}).get('javaName') or '').startswith('http-nio'):
        continue
    t = datetime.fromisoformat(v['startTime'].replace('Z', '+00:00')).timestamp()
    if not start <= t <= end:
        continue
    tot += 1
    fr = [f"{f['method']['type']['name'].split('/')[-1]}.{f['method']['name']}" for f in (v.get('stackTrace') or {}).get('frames', [])][::-1]
    idx = next((i for i, f in enumerate(fr) if root in f), None)
    if idx is None:
        continue
    node = tree
    for f in fr[idx:idx + depth]:
        node = node.setdefault(f, {'#': 0})
        node['#'] += 1
def show(node, ind):
    for k, v in sorted(((k, v) for k, v in node.items() if k != '#'), key=lambda kv: -kv[1]['#']):
        p = 100 * v['#'] / tot
        if p >= minp:
            print(f"{p:5.1f}% {'  ' * ind}{k}")
            show(v, ind + 1)
print(tot, 'samples')
show(tree, 0)
