#!/usr/bin/env python3
"""Where a load's CPU goes, by process: samples /proc every 0.25 s while bench/run.sh (or anything) runs, then splits
the CPU-seconds of each measured window (results.jsonl's start_epoch/end_epoch) between the app's JVM (its request
threads, http-nio-*, apart), the PostgreSQL backends (the connections), PostgreSQL's own processes (walwriter,
checkpointer, ...) and the load client, and divides by the window's operations. A busy machine moves CPU per
operation far less than throughput (issue 14).
  python3 bench/cpusplit.py sample OUT DATA &   # until OUT/results.md exists (run.sh's last step), or killed
  python3 bench/cpusplit.py report OUT          # per window: ms per operation, JVM (requests) / PG backends / PG other / client
DATA: the data directory (its postgres/postmaster.pid names the server; the JVM is the java process whose command
line names DATA; the client this run's bench/measure.py, or its wrk)."""
import json, os, sys, time

HZ = os.sysconf('SC_CLK_TCK')


def stat(pid, tid=None):
    p = f'/proc/{pid}/task/{tid}/stat' if tid else f'/proc/{pid}/stat'
    f = open(p).read().rsplit(')', 1)[1].split()
    return int(f[11]) + int(f[12]), int(f[1])


def cmdline(pid):
    try:
        return open(f'/proc/{pid}/cmdline', 'rb').read().replace(b'\0', b' ').decode(errors='replace')
    except OSError:
        return ''


JVM_THREADS = [('http-nio', 'jvm_requests'), ('C1 CompilerThre', 'jvm_jit'), ('C2 CompilerThre', 'jvm_jit'),
               ('GC Thread', 'jvm_gc'), ('G1 ', 'jvm_gc'), ('VM Thread', 'jvm_gc'),
               # the node's catch-up threads (platform.CatchUpWorker: the audit linker, the insight applier, or one for both)
               ('audit-linker', 'jvm_catchup'), ('insight-applie', 'jvm_catchup'), ('catch-up', 'jvm_catchup')]


def thread_ticks(pid):
    """The JVM's CPU by kind of thread: requests, JIT compilers, the collector (with the VM thread's safepoints)."""
    total = {}
    try:
        for tid in os.listdir(f'/proc/{pid}/task'):
            try:
                name = open(f'/proc/{pid}/task/{tid}/comm').read()
                kind = next((k for prefix, k in JVM_THREADS if name.startswith(prefix)), None)
                if kind:
                    total[kind] = total.get(kind, 0) + stat(pid, tid)[0]
            except OSError:
                pass
    except OSError:
        pass
    return total


def client(cl, out):
    """This run's load client: its measure.py (given OUT's setup.json) or its wrk (given the app's address); another
    engineer's client on the same machine is not this run's."""
    if 'bench/measure.py' in cl:
        return out in cl
    if cl.startswith('wrk '):
        try:
            return json.load(open(f'{out}/setup.json'))['base'] in cl
        except (OSError, ValueError, KeyError):
            return False
    return False


def sample(out, data):
    log = open(f'{out}/cpusplit.jsonl', 'a')
    seen = {}  # pid -> (group, last ticks): a process that ended keeps its last reading
    kind = {}  # pid -> 'jvm', 'client' or '' (read once)
    while not os.path.exists(f'{out}/results.md'):
        try:
            pm = int(open(f'{data}/postgres/postmaster.pid').readline())
        except (OSError, ValueError):
            pm = None
        now = {}
        for p in os.listdir('/proc'):
            if not p.isdigit():
                continue
            try:
                t, ppid = stat(p)
            except (OSError, IndexError):
                continue
            pid = int(p)
            if pm and (pid == pm or ppid == pm):
                c = cmdline(pid)
                group = 'pg_backend' if ('rectify' in c and ('127.0.0.1' in c or 'localhost' in c or '::1' in c)) else 'pg_other'
                now[pid] = (group, t)
                if 'walwriter' in c:  # counted in pg_other too, and apart: the WAL's fsyncs
                    now[(pid, 'wal')] = ('pg_walwriter', t)
            else:
                if pid not in kind:
                    cl = cmdline(pid)
                    kind[pid] = 'jvm' if cl.startswith('java') and data in cl else 'client' if client(cl, out) else ''
                c = kind[pid]
                if c:
                    now[pid] = (c, t)
                    if c == 'jvm':  # its threads by kind apart
                        for kind_, t_ in thread_ticks(pid).items():
                            now[(pid, kind_)] = (kind_, t_)
        for pid, v in now.items():
            seen[pid] = v
        totals = {}
        for pid, (g, t) in seen.items():
            totals[g] = totals.get(g, 0) + t
        log.write(json.dumps({'t': round(time.time(), 2), **totals}) + '\n')
        log.flush()
        time.sleep(0.25)


def sample_at(rows, t):
    """The last of the samples at or before t."""
    best = rows[0]
    for r in rows:
        if r['t'] <= t:
            best = r
    return best


def report(out):
    rows = [json.loads(l) for l in open(f'{out}/cpusplit.jsonl')]
    results = [json.loads(l) for l in open(f'{out}/results.jsonl')]
    at = lambda t: sample_at(rows, t)

    groups = ['jvm', 'jvm_requests', 'jvm_jit', 'jvm_gc', 'jvm_catchup', 'pg_backend', 'pg_other', 'pg_walwriter', 'client']
    print('| role | op | ops | ops/s | CPU ms per op: JVM (requests / JIT / GC / catch-up) | PG backends | PG other (WAL writer) | client | all |')
    print('|---|---|---|---|---|---|---|---|---|')
    for w in results:
        a, b = at(w['start_epoch']), at(w['end_epoch'])
        n = max(1, w['ops'])
        ms = {g: (b.get(g, 0) - a.get(g, 0)) * 1000 / HZ / n for g in groups}
        total = ms['jvm'] + ms['pg_backend'] + ms['pg_other'] + ms['client']
        print(f"| {w['role']} | {w['query']} | {w['ops']} | {w['ops_per_s']} | {ms['jvm']:.2f} ({ms['jvm_requests']:.2f} / {ms['jvm_jit']:.2f} / {ms['jvm_gc']:.2f} / {ms['jvm_catchup']:.2f}) "
              f"| {ms['pg_backend']:.2f} | {ms['pg_other']:.2f} ({ms['pg_walwriter']:.2f}) | {ms['client']:.2f} | {total:.2f} |")


if __name__ == '__main__':
    if sys.argv[1] == 'sample':
        sample(sys.argv[2], sys.argv[3])
    else:
        report(sys.argv[2])
