#!/usr/bin/env python3
"""The read operations of bench/measure.py driven by wrk (CLIENT=wrk in run.sh): the same requests, tokens and
8 keep-alive connections in a closed loop, but a C client that costs far less CPU per request than Python's on the
2 cores it shares with the app and PostgreSQL. Prints the same JSON line per (role, op) as measure.py.
q4 (a POST consuming the staff's free report slots, as measure.py posts them): each of wrk's threads takes its own
share of the slots, one per request, and stops when its share runs out (the window ends there); the warm-up's slots
are not posted again.
  python3 bench/wrkload.py setup.json --ops "q1 q2" --threads 8 --duration 20 --warmup 5 --out results.jsonl
"""
import argparse, json, os, random, re, subprocess, sys, tempfile, time, urllib.request

import importlib.util
spec = importlib.util.spec_from_file_location('measure', os.path.join(os.path.dirname(__file__), 'measure.py'))
measure = importlib.util.module_from_spec(spec)
spec.loader.exec_module(measure)

READS = ['q1', 'q2', 'q3', 'insight', 'task', 'due']

# q4: the slots as {token index, task, cycle, unit}; wrk's threads (setup) each take every k-th slot
LUA_Q4 = r'''
local tokens = {%(tokens)s}
local slots = {%(slots)s}
local threads = {}
local notes = {"已完成现场核查", "整改方案已报审", "主体工程完工", "监测数据达标", "已提交销号申请"}
setup = function(thread)
  table.insert(threads, thread)
  thread:set("part", #threads - 1)
  thread:set("parts", %(parts)d)
end
request = function()
  if pos == nil then pos = part + 1 end  -- (a global: done reads each thread's)
  local s = slots[pos]
  if s == nil then
    wrk.thread:stop()
    return wrk.format("GET", "/login")
  end
  pos = pos + parts
  local body = string.format('{"taskId": %%d, "cycleId": %%d, "unitId": %%d, "submit": true, "content": {"workDone": "进展：%%s，压测写入 %%d", "phase": "IN_PROGRESS", "onSchedule": true}}',
    s[2], s[3], s[4], notes[(pos %% #notes) + 1], pos)
  return wrk.format("POST", "/api/progress/reports",
    {["Authorization"] = "Bearer " .. tokens[s[1]], ["Content-Type"] = "application/json", ["Accept"] = "application/json"}, body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  local used = 0  -- past every slot a thread took
  for _, t in ipairs(threads) do
    local p = t:get("pos")
    if p ~= nil and p > used then used = p end
  end
  io.write(string.format('\nRESULT {"requests": %%d, "used": %%d, "duration_us": %%d, "errors": %%d, "p50": %%d, "p95": %%d, "p99": %%d, "mean": %%.1f, "max": %%d}\n',
    summary.requests, used, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, latency.max))
end
'''


def q4_lua(slots, threads):
    """The script posting these slots (measure.py's [token, task, cycle, unit] each), spread over wrk's threads."""
    tokens = sorted({s[0] for s in slots})
    index = {t: k + 1 for k, t in enumerate(tokens)}
    return LUA_Q4 % {'tokens': ', '.join(json.dumps(t) for t in tokens),
                     'slots': ', '.join('{%d, %d, %d, %d}' % (index[s[0]], s[1], s[2], s[3]) for s in slots),
                     'parts': min(2, threads)}

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
    ops = [o for o in a.ops.split() if o in READS + ['q4']]
    with open(a.out, 'a') as out:
        for role, cfg in setup['roles'].items():
            task_ids = first_tasks(base, cfg['token'])
            for op in ops:
                if op in cfg.get('skip', []) or (op == 'q4' and not cfg.get('slots')):
                    continue
                if op == 'q4':  # the slots in measure.py's order (shuffled by role), none posted twice
                    slots = list(cfg['slots'])
                    random.Random(role).shuffle(slots)
                    left = slots
                    lua = q4_lua(left, a.threads)
                else:
                    lua = LUA % {'paths': ', '.join(json.dumps(x) for x in paths(op, cfg, task_ids)),
                                 'seed': abs(hash((role, op))) % 100000, 'token': cfg['token']}
                if a.warmup:
                    w = wrk(base, lua, a.threads, a.warmup)
                    if op == 'q4':  # past every slot the warm-up's threads took
                        left = slots[w['used']:]
                        lua = q4_lua(left, a.threads)
                started = time.time()  # wall clock, to line the run up with a GC log (bench/gc-compare.sh)
                r = wrk(base, lua, a.threads, a.duration)
                secs = r['duration_us'] / 1e6
                line = {'role': role, 'query': op, 'client': 'wrk', 'threads': a.threads, 'duration_s': round(secs, 1),
                        'warmup_s': a.warmup, 'ops': r['requests'], 'errors': r['errors'],
                        'p50_ms': round(r['p50'] / 1000, 1), 'p95_ms': round(r['p95'] / 1000, 1),
                        'p99_ms': round(r['p99'] / 1000, 1), 'mean_ms': round(r['mean'] / 1000, 1),
                        'max_ms': round(r['max'] / 1000, 1), 'ops_per_s': round(r['requests'] / secs, 2),
                        'start_epoch': round(started, 1), 'end_epoch': round(started + secs, 1)}
                if op == 'q4':  # a window that ran out of slots measured less than its duration: say so
                    line['slots_left'] = max(0, len(left) - (r['used'] - 1))
                print(json.dumps(line), flush=True)
                out.write(json.dumps(line) + '\n')
                out.flush()


if __name__ == '__main__':
    sys.exit(main())
