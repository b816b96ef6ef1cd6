# submits N reports (one per free slot of the given staff account), sequentially; prints the commit delta
import json, subprocess, sys, time, urllib.request, base64, os
base, user, pw, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def psql(q): return subprocess.run(['psql', '-X', '-At', '-F', ' ', '-c', q], capture_output=True, text=True, check=True).stdout.strip()
auth = 'Basic ' + base64.b64encode(f'{user}:{pw}'.encode()).decode()
req = urllib.request.Request(base + '/api/account/tokens', data=json.dumps({'name': 'cnt', 'days': 1}).encode(),
                             headers={'Authorization': auth, 'Content-Type': 'application/json'})
token = json.load(urllib.request.urlopen(req))['secret']
rows = psql(f"""select tu.task_id, c.id, tu.unit_id from account a join task_unit tu on tu.unit_id = a.unit_id and tu.role = 'LEAD'
      join task t on t.id = tu.task_id join reporting_cycle c on c.plan_id = t.plan_id
      where a.username = '{user}' and t.status in ('IN_PROGRESS','CLOSURE_REQUESTED','ONGOING','REOPENED')
        and c.period_start <= current_date - 1 {os.environ.get('EXTRA', '')}
        and not exists (select 1 from report_slot r where r.cycle_id = c.id and r.task_id = t.id and r.unit_id = tu.unit_id)
      order by c.id desc limit {n + 1}""").split('\n')
slots = [[int(x) for x in r.split()] for r in rows if r.strip()]
def post(s):
    body = {'taskId': s[0], 'cycleId': s[1], 'unitId': s[2], 'submit': True,
            'content': {'workDone': f'计数 {time.time():.3f}', 'phase': 'IN_PROGRESS', 'onSchedule': True}}
    r = urllib.request.Request(base + '/api/progress/reports', data=json.dumps(body, ensure_ascii=False).encode(),
                               headers={'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json'})
    urllib.request.urlopen(r).read()
post(slots.pop(0))  # warm
time.sleep(2)
q = "select xact_commit, xact_rollback from pg_stat_database where datname = 'postgres'"
psql("select pg_stat_clear_snapshot()")
before = [int(x) for x in psql(q).split()]; wal0 = psql("select wal_records||' '||wal_sync from pg_stat_wal") if False else None
t0 = time.time()
for s in slots: post(s)
time.sleep(12)
after = [int(x) for x in psql(q).split()]
print(f'{len(slots)} submissions in {time.time()-t0-12:.2f}s: commits {after[0]-before[0]} rollbacks {after[1]-before[1]}')
