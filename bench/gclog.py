#!/usr/bin/env python3
"""The JVM's collections lined up with the load's windows (bench/gc-compare.sh; issue 14, the p95 tail): for each
(role, op) of a results.jsonl written by bench/wrkload.py or measure.py with wall-clock windows, the pauses whose end
fell inside the window (count, total, longest), their share of the window, the share of requests a pause held up
(at most one per client per pause), the time threads waited to reach a
safepoint, and the bytes allocated per request (the heap's growth between one collection and the next, over the
requests of the window: the allocation rate divided by the rate of requests).
  python3 bench/gclog.py gc.log results.jsonl [--label NAME] [--load "1.2 0.9 0.8"] [--header]
The log: -Xlog:gc,gc+cpu,safepoint:file=gc.log:time,tags (G1, Parallel and Serial write the same 'Pause' lines; gc+cpu
the collector's CPU, which a busy machine does not stretch as it stretches a pause).
"""
import argparse, datetime, json, re

PAUSE = re.compile(r'^\[([0-9T:.\-]+)([+-]\d{4})\].*GC\((\d+)\) (Pause .*?) (\d+)M->(\d+)M\((\d+)M\) ([\d.]+)ms')
CPU = re.compile(r'GC\((\d+)\) User=([\d.]+)s Sys=([\d.]+)s Real=([\d.]+)s')
SAFEPOINT = re.compile(r'^\[([0-9T:.\-]+)([+-]\d{4})\].*Safepoint "([^"]+)".*Reaching safepoint: (\d+) ns.*Total: (\d+) ns')


def epoch(stamp, zone):
    t = datetime.datetime.strptime(stamp + zone, '%Y-%m-%dT%H:%M:%S.%f%z')
    return t.timestamp()


def read(log):
    pauses, safepoints, cpu = [], [], {}
    for line in open(log, errors='replace'):
        m = PAUSE.match(line)
        if m:
            pauses.append({'t': epoch(m[1], m[2]), 'id': m[3], 'kind': m[4].strip(), 'before': int(m[5]),
                           'after': int(m[6]), 'heap': int(m[7]), 'ms': float(m[8])})
            continue
        m = CPU.search(line)
        if m:  # the collector's own CPU (gc+cpu): what a pause costs whatever else wants the cores
            cpu[m[1]] = (float(m[2]) + float(m[3])) * 1000
            continue
        m = SAFEPOINT.match(line)
        if m:
            safepoints.append({'t': epoch(m[1], m[2]), 'op': m[3], 'reach_ms': int(m[4]) / 1e6, 'total_ms': int(m[5]) / 1e6})
    for p in pauses:
        p['cpu_ms'] = cpu.get(p['id'])
    return pauses, safepoints


def window(pauses, safepoints, start, end, ops_per_s, clients):
    inside = [p for p in pauses if start <= p['t'] <= end]
    ms = [p['ms'] for p in inside]
    # allocation: what the heap grew by between a collection and the next (the load just before a window is its own
    # op's warm-up, so the collection before the window anchors the first interval)
    idx = [i for i, p in enumerate(pauses) if start <= p['t'] <= end]
    alloc_mb, span = 0.0, 0.0
    if idx and idx[0] > 0:
        first = idx[0] - 1
        alloc_mb = sum(pauses[i]['before'] - pauses[i - 1]['after'] for i in idx)
        span = pauses[idx[-1]]['t'] - pauses[first]['t']
    rate = alloc_mb / span if span > 0 else None
    sp = [s for s in safepoints if start <= s['t'] <= end]
    cpu = [p['cpu_ms'] for p in inside if p['cpu_ms'] is not None]
    ops = ops_per_s * (end - start)
    return {'pauses': len(ms),
            # a pause holds up every request in flight (closed loop: one per client) and no more: the share of requests
            # a pause can have slowed; under 5 % the pauses cannot be what sets the p95
            'paused_requests_pct': round(100 * clients * len(ms) / ops, 2) if ops else None, 'pause_total_ms': round(sum(ms), 1), 'pause_max_ms': round(max(ms), 1) if ms else 0,
            'pause_share_pct': round(100 * sum(ms) / 1000 / (end - start), 1) if end > start else None,
            'reach_safepoint_ms': round(sum(s['reach_ms'] for s in sp), 1),
            'heap_mb': inside[-1]['heap'] if inside else None,
            'gc_cpu_ms': round(sum(cpu)) if cpu else None,
            'alloc_mb_per_s': round(rate, 1) if rate is not None else None,
            'kb_per_request': round(rate * 1024 / ops_per_s, 0) if rate is not None and ops_per_s else None}


def main():
    p = argparse.ArgumentParser()
    p.add_argument('log')
    p.add_argument('results')
    p.add_argument('--label', default='')
    p.add_argument('--load', default='')
    p.add_argument('--header', action='store_true')
    p.add_argument('--json', help='append each row as JSON to this file')
    a = p.parse_args()
    pauses, safepoints = read(a.log)
    if a.header:
        print('| options | load | role | op | client | ops/s | p50 ms | p95 ms | p99 ms | GC pauses | pause total ms | longest ms '
              '| pause share % | requests paused % | GC CPU ms | reaching safepoints ms | heap MB | kB allocated/request |')
        print('|' + '---|' * 18)
    for line in open(a.results):
        r = json.loads(line)
        if 'start_epoch' not in r:
            continue
        w = window(pauses, safepoints, r['start_epoch'], r['end_epoch'], r['ops_per_s'], r.get('threads', 8))
        print(f"| {a.label} | {a.load} | {r['role']} | {r['query']} | {r.get('client', 'python')} | {r['ops_per_s']} "
              f"| {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {w['pauses']} | {w['pause_total_ms']} | {w['pause_max_ms']} "
              f"| {w['pause_share_pct']} | {w['paused_requests_pct']} | {w['gc_cpu_ms']} | {w['reach_safepoint_ms']} | {w['heap_mb']} | {w['kb_per_request']} |")
        if a.json:
            with open(a.json, 'a') as out:
                out.write(json.dumps({'options': a.label, 'load': a.load, **r, **w}) + '\n')


if __name__ == '__main__':
    main()
