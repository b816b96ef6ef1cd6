#!/usr/bin/env python3
"""The due lists' answers of one build, kept to compare with another's on the same data (issue 14: a faster path
must answer the same bytes): for offices and staff across the tree (PG* environment to find them) and the
administrator, pages of each size, a page past the last, one plan, a past cycle; each answer to OUTDIR/<n>.json.
  python3 bench/dueanswers.py BASE PASSWORD OUTDIR     then: diff -r OUTDIR_A OUTDIR_B"""
import base64, http.client, json, os, subprocess, sys
base, pw, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
host, port = base.split('//')[1].split(':')
q = lambda sql: subprocess.run(['psql', '-X', '-At', '-c', sql], capture_output=True, text=True, check=True).stdout.split()
users = q("""(select username from account where username ~ '^g1(-c0[1-3](-k0[1-2])?)?-office$' order by username)
  union all (select username from (select distinct on (unit_id) username, unit_id from account
             where role = 'UNIT_STAFF' order by unit_id, id) s order by unit_id limit 12)""")
plan = q("select plan_id from task group by plan_id order by count(*) desc, plan_id limit 1")[0]
past = q(f"select id from reporting_cycle where plan_id = {plan} and period_start < current_date - 90 order by period_start desc limit 1")[0]
paths = ['/api/progress/due', '/api/progress/due?page=1', '/api/progress/due?page=2&size=20', '/api/progress/due?size=200',
         '/api/progress/due?page=999', f'/api/progress/due?planId={plan}', f'/api/progress/due?planId={plan}&cycleId={past}&size=50']
c = http.client.HTTPConnection(host, int(port))
n = 0
for u in users:
    auth = 'Basic ' + base64.b64encode(f'{u}:{pw}'.encode()).decode()
    for p in paths:
        c.request('GET', p, headers={'Authorization': auth})
        r = c.getresponse()
        body = r.read()
        n += 1
        with open(f'{out}/{n:03d}.json', 'wb') as f:
            f.write(f'{r.status} {u} {p}\n'.encode() + body)
print(f'{n} answers of {len(users)} accounts in {out}')
