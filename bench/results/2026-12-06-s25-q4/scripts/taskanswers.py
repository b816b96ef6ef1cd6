"""taskanswers.py BASE OUTDIR: GET /api/tasks/{id} (the task read by id, scope on the task's reach) for each of 8
accounts (root, city and county offices, demo office, unit staff and head of two units) on 60 tasks (in and out of each
scope): status and body written per account and task, for `diff -r` between two builds on one copy.
Environment: PGHOST/PGPORT/PGUSER/PGPASSWORD of the copy (to pick the tasks)."""
import base64, os, subprocess, sys, urllib.error, urllib.request

base, out = sys.argv[1], sys.argv[2]
users = [('g1-office', 'bench-pass-2026'), ('g1-c01-office', 'bench-pass-2026'), ('g1-c01-k01-office', 'bench-pass-2026'),
         ('g1-c01-k01-d1-staff', 'bench-pass-2026'), ('g1-c01-k01-d1-head', 'bench-pass-2026'),
         ('g1-c02-k01-d1-staff', 'bench-pass-2026'), ('office', 'rectify-demo'), ('g1-c02-office', 'bench-pass-2026')]
q = """(select tu.task_id from task_unit tu join account a on a.unit_id = tu.unit_id where a.username = 'g1-c01-k01-d1-staff' order by tu.task_id limit 15)
 union (select tu.task_id from task_unit tu join account a on a.unit_id = tu.unit_id where a.username = 'g1-c02-k01-d1-staff' order by tu.task_id limit 15)
 union (select id from task order by id limit 10) union (select id from task order by md5(id::text) limit 20) union (select 999999999)"""
ids = subprocess.run(['psql', '-X', '-At', '-c', q], capture_output=True, text=True, check=True).stdout.split()
for user, pw in users:
    os.makedirs(f'{out}/{user}', exist_ok=True)
    auth = 'Basic ' + base64.b64encode(f'{user}:{pw}'.encode()).decode()
    for i in ids:
        req = urllib.request.Request(f'{base}/api/tasks/{i}', headers={'Authorization': auth, 'Accept': 'application/json'})
        try:
            with urllib.request.urlopen(req) as r:
                status, body = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, body = e.code, e.read()
        open(f'{out}/{user}/{i}', 'wb').write(f'{status}\n'.encode() + body)
print(len(users), 'accounts,', len(ids), 'tasks')
