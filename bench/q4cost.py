"""What one submitted progress report costs, by the kind of cycle it is for: N reports submitted one after another
(no concurrency: the figures are per submission, not the machine's), with the commits, WAL records and bytes, WAL
fsyncs (pg_stat_database, pg_stat_wal) and the CPU of the app's JVM and of every PostgreSQL process (/proc) over them.
  python3 bench/q4cost.py http://127.0.0.1:PORT DATA_DIR JVM_PID KIND N [STAFF...]
KIND: due (a cycle not yet due: a report on time), grace (due date passed, grace period not), last (the plan's last
cycle whose grace period ended: the one "report missing" looks at), older (an earlier cycle: a catch-up report).
Environment: PGHOST/PGPORT/PGUSER/PGPASSWORD of the app's database (a role that may read pg_stat_*)."""
import base64, json, os, subprocess, sys, time, urllib.request

base, data, jvm, kind, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
staff = sys.argv[6:] or ['g1-c01-k01-d1-staff', 'g1-c01-k02-d1-staff', 'g1-c02-k01-d1-staff']
KINDS = {
    'due': "c.due_on >= current_date",
    'grace': "c.due_on < current_date and c.grace_until >= current_date",
    'last': "c.id = (select l.id from reporting_cycle l where l.plan_id = c.plan_id and l.grace_until < current_date"
            " order by l.grace_until desc limit 1)",
    'older': "c.grace_until < current_date and exists (select 1 from reporting_cycle l where l.plan_id = c.plan_id"
             " and l.grace_until > c.grace_until and l.grace_until < current_date)",
}


def psql(q):
    return subprocess.run(['psql', '-X', '-At', '-F', ' ', '-c', q], capture_output=True, text=True, check=True).stdout.strip()


def token(user):
    auth = 'Basic ' + base64.b64encode(f'{user}:bench-pass-2026'.encode()).decode()
    req = urllib.request.Request(base + '/api/account/tokens', data=json.dumps({'name': 'cost', 'days': 1}).encode(),
                                 headers={'Authorization': auth, 'Content-Type': 'application/json'})
    return json.load(urllib.request.urlopen(req))['secret']


slots = []
for user in staff:
    t = token(user)
    rows = psql(f"""select tu.task_id, c.id, tu.unit_id from account a
      join task_unit tu on tu.unit_id = a.unit_id and tu.role = 'LEAD' join task t on t.id = tu.task_id
      join reporting_cycle c on c.plan_id = t.plan_id
      where a.username = '{user}' and t.status in ('IN_PROGRESS','CLOSURE_REQUESTED','ONGOING','REOPENED')
        and c.period_start <= current_date - 1 and {KINDS[kind]}
        and not exists (select 1 from report_slot r where r.cycle_id = c.id and r.task_id = t.id and r.unit_id = tu.unit_id)
      order by c.id desc, t.id limit {n + 1}""").split('\n')
    slots += [[t] + [int(x) for x in r.split()] for r in rows if r.strip()]
if len(slots) < n + 1:
    sys.exit(f'only {len(slots)} free slots of kind {kind}')


def post(s):
    tok, task, cycle, unit = s
    body = {'taskId': task, 'cycleId': cycle, 'unitId': unit, 'submit': True,
            'content': {'workDone': f'成本 {time.time():.3f}', 'phase': 'IN_PROGRESS', 'onSchedule': True}}
    r = urllib.request.Request(base + '/api/progress/reports', data=json.dumps(body, ensure_ascii=False).encode(),
                               headers={'Authorization': 'Bearer ' + tok, 'Content-Type': 'application/json'})
    urllib.request.urlopen(r).read()


def cpu_ms():  # the JVM and every process of the embedded PostgreSQL (the postmaster's children)
    postmaster = int(open(f'{data}/postgres/postmaster.pid').readline())
    pids = [jvm, postmaster] + [int(p) for p in subprocess.run(['pgrep', '-P', str(postmaster)], capture_output=True,
                                                                 text=True).stdout.split()]
    tick = os.sysconf('SC_CLK_TCK')
    total = 0
    for p in pids:
        try:
            f = open(f'/proc/{p}/stat').read().rsplit(')', 1)[1].split()
            total += (int(f[11]) + int(f[12])) * 1000 // tick
        except FileNotFoundError:
            pass
    return total


STATS = ("select d.xact_commit, w.wal_records, w.wal_bytes, (select sum(writes) from pg_stat_io where object = 'wal'),"
         " (select sum(fsyncs) from pg_stat_io where object = 'wal') from pg_stat_database d, pg_stat_wal w"
         " where d.datname = current_database()")
post(slots.pop(0))  # warm
slots = slots[:n]
time.sleep(3)
psql("select pg_stat_clear_snapshot()")
before, c0, t0 = [float(x or 0) for x in psql(STATS).split()], cpu_ms(), time.time()
for s in slots:
    post(s)
elapsed = time.time() - t0
time.sleep(8)  # the listeners after the commit (a thread each) and the statistics' flush
after, c1 = [float(x or 0) for x in psql(STATS).split()], cpu_ms()
d = [(a - b) / n for a, b in zip(after, before)]
print(json.dumps({'kind': kind, 'n': n, 'ms_each': round(elapsed * 1000 / n, 1), 'commits': round(d[0], 2),
                  'wal_records': round(d[1], 1), 'wal_kB': round(d[2] / 1024, 1), 'wal_fsyncs': round(d[4], 2),
                  'cpu_ms_jvm_pg': round((c1 - c0) / n, 1)}))
