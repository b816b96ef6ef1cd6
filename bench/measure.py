#!/usr/bin/env python3
"""Closed-loop load generator for rectify's API (stdlib only), the same loop as
../shared/bench/redmine/measure.py so both are measured the same way.

THREADS client threads, each with its own keep-alive connection, run one operation back to
back for DURATION seconds after WARMUP unrecorded seconds; every operation's latency is kept.
Each request carries an API token of the role (Authorization: Bearer).
  q1    GET /api/tasks?status=<open>&sort=DEADLINE&size=50             open tasks by deadline
  q2    GET /api/tasks?status=<open>&deadlineTo=<yesterday>&size=50     open and overdue; as the
        root office in a random city's subtree (leadUnitId=<city>), else in the caller's scope
  q3    GET /api/tasks/count                                            the dashboard's counts
  insight GET /api/insight                                              the whole dashboard (驾驶舱) of the role
  insight-plan, insight-section, insight-item  GET /api/insight?<filter>  the dashboard filtered by a plan, by an
        item below the top level (二(三), counted live) of the plan and of every plan: the role's "filters" (run.sh)
  q4    POST /api/progress/reports {..., "submit": true}                a progress report, submitted
        (unit staff only: one of the staff's free (task, cycle) slots per operation)
  task  GET /api/tasks/<id>                                             one task with its history
  due   GET /api/progress/due                                           the unit's due list
--alongside ROLE:OP:N runs N threads of another role's operation beside every measured window, unrecorded but
counted (e.g. unit-staff:q4:2: reports submitted while the root office reads, as a province's day goes); --pgstat adds
each window's PostgreSQL counters (psql, the PG* environment run.sh exports): blocks touched per table and rows read by
sequential scans of task, counts that a busy machine does not move.
Input: a JSON file {"base": ..., "roles": {role: {"token": ..., "cities": [...], "slots":
[[token, taskId, cycleId, unitId], ...]}}} written by run.sh. Prints one JSON line per (role, op).
"""
import argparse, datetime, http.client, json, math, random, statistics, sys, threading, time
from urllib.parse import urlsplit

args = None
u = None  # the app's address, from the setup file


def configure(base):
    global u
    u = urlsplit(base)


OPEN = '&'.join('status=' + s for s in ['ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'ONGOING', 'REOPENED'])
YESTERDAY = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()


def conn():
    return http.client.HTTPConnection(u.hostname, u.port or 80, timeout=120)


def call(c, token, method, path, body=None):
    h = {'Authorization': 'Bearer ' + token, 'Accept': 'application/json'}
    if body is not None:
        body = json.dumps(body, ensure_ascii=False).encode()
        h['Content-Type'] = 'application/json'
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    data = r.read()
    if r.status >= 300:
        raise RuntimeError(f'{method} {path} -> {r.status} {data[:200]!r}')
    return json.loads(data) if data else None


def make_ops(role, cfg):
    token = cfg['token']
    c0 = conn()
    first = call(c0, token, 'GET', f'/api/tasks?{OPEN}&sort=DEADLINE&size=200')
    task_ids = [t['id'] for t in first['tasks']] or [0]
    c0.close()
    slots = list(cfg.get('slots', []))
    random.Random(role).shuffle(slots)
    lock = threading.Lock()
    notes = ['已完成现场核查', '整改方案已报审', '主体工程完工', '监测数据达标', '已提交销号申请']

    def q1(c, rnd):
        call(c, token, 'GET', f'/api/tasks?{OPEN}&sort=DEADLINE&size=50')

    def q2(c, rnd):
        city = f"&leadUnitId={rnd.choice(cfg['cities'])}" if cfg.get('cities') else ''
        call(c, token, 'GET', f'/api/tasks?{OPEN}&deadlineTo={YESTERDAY}{city}&sort=DEADLINE&size=50')

    def q3(c, rnd):
        call(c, token, 'GET', '/api/tasks/count')

    def insight(c, rnd):
        call(c, token, 'GET', '/api/insight')

    def task(c, rnd):
        call(c, token, 'GET', f'/api/tasks/{rnd.choice(task_ids)}')

    def filtered(query):
        return lambda c, rnd: call(c, token, 'GET', f'/api/insight?{query}')

    def due(c, rnd):
        call(c, token, 'GET', '/api/progress/due')

    def q4(c, rnd):
        with lock:
            if not slots:
                raise StopIteration
            slot_token, task_id, cycle_id, unit_id = slots.pop()
        call(c, slot_token, 'POST', '/api/progress/reports', {
            'taskId': task_id, 'cycleId': cycle_id, 'unitId': unit_id, 'submit': True,
            'content': {'workDone': f'进展：{rnd.choice(notes)}，压测写入 {time.time():.3f}', 'phase': 'IN_PROGRESS',
                        'onSchedule': True}})

    ops = {'q1': q1, 'q2': q2, 'q3': q3, 'insight': insight, 'task': task, 'due': due}
    for name, query in cfg.get('filters', {}).items():
        ops['insight-' + name] = filtered(query)
    if slots:
        ops['q4'] = q4
    return {name: op for name, op in ops.items() if name not in cfg.get('skip', [])}


def pct(sorted_ms, p):  # nearest rank
    return sorted_ms[max(0, math.ceil(p / 100 * len(sorted_ms)) - 1)]


PGSTAT = """select json_build_object(
  'task_seq_rows', (select seq_tup_read from pg_stat_user_tables where relname = 'task'),
  'task_blocks', (select heap_blks_hit + heap_blks_read + coalesce(idx_blks_hit + idx_blks_read, 0)
                  from pg_statio_user_tables where relname = 'task'),
  'open_reach_blocks', (select heap_blks_hit + heap_blks_read + coalesce(idx_blks_hit + idx_blks_read, 0)
                        from pg_statio_user_tables where relname = 'task_open_reach'),
  'all_blocks', (select sum(heap_blks_hit + heap_blks_read + coalesce(idx_blks_hit + idx_blks_read, 0)
                            + coalesce(toast_blks_hit + toast_blks_read, 0)) from pg_statio_user_tables),
  'commits', (select xact_commit from pg_stat_database where datname = current_database()))"""


def pgstat():
    """PostgreSQL's counters now (a backend reports its own at most once a second: read over a window of seconds)."""
    import subprocess
    out = subprocess.run(['psql', '-X', '-At', '-c', PGSTAT], capture_output=True, text=True, check=True).stdout
    return {k: v or 0 for k, v in json.loads(out).items()}


def closed_loop(label, op, rnd, t_end, done, error, stop=None):
    """One client on its own keep-alive connection, one operation after another until t_end (or stop): done(t0, t1)
    after each; a failure is counted by error(), printed while it says so, and the connection opened again. Returns
    when the operation ran out of work (StopIteration), else None."""
    c = conn()
    try:
        while not (stop and stop.is_set()):
            t0 = time.perf_counter()
            if t0 >= t_end:
                return None
            try:
                op(c, rnd)
            except StopIteration:
                return t0
            except Exception as e:
                if error():
                    print(f'{label}: {e}', file=sys.stderr)
                c.close(); c = conn()
                continue
            done(t0, time.perf_counter())
        return None
    finally:
        c.close()


def beside(t_end, stop):
    """The --alongside operation in its threads until t_end (or stop): how many ran, and failed."""
    role, name, n = args.alongside.split(':')
    op = alongside_ops[role][name]
    done, failed = [0] * int(n), [0] * int(n)

    def worker(k):
        def counted(t0, t1):
            done[k] += 1

        def error():
            failed[k] += 1
            return failed[k] <= 3

        closed_loop(f'alongside {role} {name} thread {k}', op, random.Random(f'alongside-{role}-{name}-{k}-{time.time()}'),
                    t_end, counted, error, stop)

    th = [threading.Thread(target=worker, args=(k,)) for k in range(int(n))]
    for t in th: t.start()
    return th, done, failed


alongside_ops = {}


def run(role, name, op):
    t_start = time.perf_counter() + args.warmup
    t_end = t_start + args.duration
    lat, errors = [[] for _ in range(args.threads)], [0] * args.threads
    ended = [t_end]
    stop = threading.Event()
    side = beside(t_end, stop) if args.alongside else None

    def worker(k):
        def timed(t0, t1):
            if t0 >= t_start:
                lat[k].append((t1 - t0) * 1000)

        def error():
            errors[k] += 1
            return errors[k] <= 3

        out = closed_loop(f'{role} {name} thread {k}', op, random.Random(f'{role}-{name}-{k}'), t_end, timed, error)
        if out is not None:  # q4 ran out of free slots: the window ends here
            ended[0] = min(ended[0], out)

    th = [threading.Thread(target=worker, args=(k,)) for k in range(args.threads)]
    for t in th: t.start()
    pg0 = None
    if args.pgstat:
        time.sleep(max(0.0, t_start - time.perf_counter()))
        pg0 = pgstat()
    for t in th: t.join()
    pg = {k: v - pg0[k] for k, v in pgstat().items()} if pg0 else None
    stop.set()
    extra = {}
    if side:
        for t in side[0]: t.join()
        extra['alongside'] = {'op': args.alongside, 'ops': sum(side[1]), 'errors': sum(side[2])}
    if pg:
        extra['pg'] = pg
    ms = sorted(x for l in lat for x in l)
    wall = max(0.001, min(ended[0], t_end) - t_start)
    return extra | {'role': role, 'query': name, 'threads': args.threads, 'duration_s': round(wall, 1), 'warmup_s': args.warmup,
            'ops': len(ms), 'errors': sum(errors),
            'p50_ms': round(pct(ms, 50), 1) if ms else None, 'p95_ms': round(pct(ms, 95), 1) if ms else None,
            'p99_ms': round(pct(ms, 99), 1) if ms else None, 'mean_ms': round(statistics.fmean(ms), 1) if ms else None,
            'max_ms': round(ms[-1], 1) if ms else None, 'ops_per_s': round(len(ms) / wall, 2),
            # the window on the wall clock, to line it up with a GC log (bench/gclog.py)
            'start_epoch': round(time.time() - (time.perf_counter() - t_start), 1),
            'end_epoch': round(time.time() - (time.perf_counter() - t_start) + wall, 1)}


def main():
    global args
    ap = argparse.ArgumentParser()
    ap.add_argument('setup')
    ap.add_argument('--ops', default='q1 q2 q3 insight task due q4')
    ap.add_argument('--threads', type=int, default=8)
    ap.add_argument('--duration', type=float, default=30)
    ap.add_argument('--warmup', type=float, default=5)
    ap.add_argument('--out')
    ap.add_argument('--alongside', help="ROLE:OP:THREADS beside every window, e.g. unit-staff:q4:2")
    ap.add_argument('--pgstat', action='store_true', help="PostgreSQL's counters of each window")
    args = ap.parse_args()
    setup = json.load(open(args.setup))
    configure(setup['base'])
    if args.alongside:
        side_role = args.alongside.split(':')[0]
        alongside_ops[side_role] = make_ops(side_role, setup['roles'][side_role])
    for role, cfg in setup['roles'].items():
        if args.alongside and role == side_role:
            continue  # its slots are the alongside operation's
        ops = make_ops(role, cfg)
        for name in args.ops.split():
            if name not in ops:
                continue
            r = run(role, name, ops[name])
            print(json.dumps(r, ensure_ascii=False), flush=True)
            if args.out:
                with open(args.out, 'a') as f:
                    f.write(json.dumps(r, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main()
