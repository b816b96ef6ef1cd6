#!/usr/bin/env python3
"""The read operations of bench/measure.py driven by wrk (CLIENT=wrk in run.sh): the same requests, tokens and
8 keep-alive connections in a closed loop, but a C client that costs far less CPU per request than Python's on the
2 cores it shares with the app and PostgreSQL. Prints the same JSON line per (role, op) as measure.py.
q4 (a POST consuming report slots) stays with measure.py.
  python3 bench/wrkload.py setup.json --ops "q1 q2" --threads 8 --duration 20 --warmup 5 --out results.jsonl
"""
import argparse, json, os, re, subprocess, sys, tempfile, time, urllib.request

import importlib.util
spec = importlib.util.spec_from_file_location('measure', os.path.join(os.path.dirname(__file__), 'measure.py'))
measure = importlib.util.module_from_spec(spec)
spec.loader.exec_module(measure)

READS = ['q1', 'q2', 'q3', 'insight', 'task', 'due']

LUA = r'''
local paths = {%(paths)s}
local n = #paths
math.randomseed(%(seed)d)
wrk.headers["Authorization"] = "Bearer %(token)s"
wrk.headers["Accept"] = "application/json"
request = function()
  return wrk.format("GET", paths[math.random(n)])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\nRESULT {"requests": %%d, "duration_us": %%d, "errors": %%d, "p50": %%d, "p95": %%d, "p99": %%d, "mean": %%.1f, "max": %%d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, latency.max))
end
'''


def paths(op, cfg, task_ids):
    if op == 'q1':
        return [f'/api/tasks?{measure.OPEN}&sort=DEADLINE&size=50']
    if op == 'q2':
        base = f'/api/tasks?{measure.OPEN}&deadlineTo={measure.YESTERDAY}'
        return [f'{base}&leadUnitId={c}&sort=DEADLINE&size=50' for c in cfg['cities']] if cfg.get('cities') \
            else [f'{base}&sort=DEADLINE&size=50']
    if op == 'q3':
        return ['/api/tasks/count']
    if op == 'insight':
        return ['/api/insight']
    if op == 'task':
        return [f'/api/tasks/{i}' for i in task_ids]
    if op == 'due':
        return ['/api/progress/due']
    raise ValueError(op)


def first_tasks(base, token):
    req = urllib.request.Request(f'{base}/api/tasks?{measure.OPEN}&sort=DEADLINE&size=200',
                                 headers={'Authorization': 'Bearer ' + token, 'Accept': 'application/json'})
    return [t['id'] for t in json.load(urllib.request.urlopen(req, timeout=120))['tasks']] or [0]


def wrk(base, lua, threads, seconds):
    with tempfile.NamedTemporaryFile('w', suffix='.lua', delete=False) as f:
        f.write(lua)
    try:
        out = subprocess.run(['wrk', '-t', str(min(2, threads)), '-c', str(threads), '-d', f'{seconds}s',
                              '--timeout', '120s', '-s', f.name, base], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)
    return json.loads(re.search(r'^RESULT (.*)$', out, re.M).group(1))


def main():
    p = argparse.ArgumentParser()
    p.add_argument('setup')
    p.add_argument('--ops', default=' '.join(READS))
    p.add_argument('--threads', type=int, default=8)
    p.add_argument('--duration', type=int, default=20)
    p.add_argument('--warmup', type=int, default=5)
    p.add_argument('--out', required=True)
    a = p.parse_args()
    setup = json.load(open(a.setup))
    base = setup['base']
    ops = [o for o in a.ops.split() if o in READS]
    with open(a.out, 'a') as out:
        for role, cfg in setup['roles'].items():
            task_ids = first_tasks(base, cfg['token'])
            for op in ops:
                if op in cfg.get('skip', []):
                    continue
                lua = LUA % {'paths': ', '.join(json.dumps(x) for x in paths(op, cfg, task_ids)),
                             'seed': abs(hash((role, op))) % 100000, 'token': cfg['token']}
                if a.warmup:
                    wrk(base, lua, a.threads, a.warmup)
                started = time.time()  # wall clock, to line the run up with a GC log (bench/gc-compare.sh)
                r = wrk(base, lua, a.threads, a.duration)
                secs = r['duration_us'] / 1e6
                line = {'role': role, 'query': op, 'client': 'wrk', 'threads': a.threads, 'duration_s': round(secs, 1),
                        'warmup_s': a.warmup, 'ops': r['requests'], 'errors': r['errors'],
                        'p50_ms': round(r['p50'] / 1000, 1), 'p95_ms': round(r['p95'] / 1000, 1),
                        'p99_ms': round(r['p99'] / 1000, 1), 'mean_ms': round(r['mean'] / 1000, 1),
                        'max_ms': round(r['max'] / 1000, 1), 'ops_per_s': round(r['requests'] / secs, 2),
                        'start_epoch': round(started, 1), 'end_epoch': round(started + secs, 1)}
                print(json.dumps(line), flush=True)
                out.write(json.dumps(line) + '\n')
                out.flush()


if __name__ == '__main__':
    sys.exit(main())
