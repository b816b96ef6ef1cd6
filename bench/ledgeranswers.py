#!/usr/bin/env python3
"""The ledger's answers of one build, kept to compare with another's on the same data (issue 14: a faster path must
answer the same bytes), as bench/dueanswers.py keeps the due list's: the JSON (/api/tasks) and the HTML page (/tasks)
for offices across the tree (root, city, county), supervisors, leaders and unit staff and heads (PG* environment to
find them) and the administrator, with Q1's and Q2's filters (Q2 by every city's id for the root office), sorts,
pages, a page past the last, the plan whose tasks are led through unit groups, a text search and a lead unit led
through a group; each answer to OUTDIR/<n>.txt, the HTML's CSRF token blanked (it differs at every request).
  python3 bench/ledgeranswers.py BASE PASSWORD OUTDIR     then: diff -r OUTDIR_A OUTDIR_B"""
import base64, datetime, http.client, os, re, subprocess, sys
base, pw, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
host, port = base.split('//')[1].split(':')
q = lambda sql: subprocess.run(['psql', '-X', '-At', '-c', sql], capture_output=True, text=True, check=True).stdout.split()
users = q("""(select username from account where username ~ '^g1(-c0[1-3](-k0[1-2])?)?-(office|supervisor|leader)$'
             order by username)
  union all (select username from (select distinct on (unit_id) username, unit_id from account
             where role in ('UNIT_STAFF', 'UNIT_HEAD') order by unit_id, id) s order by unit_id limit 14)
  union all (select username from account where role = 'ADMIN' order by id limit 1)""")
cities = q("select id from unit where level = 'CITY' order by id")
grouped_plan = q("select t.plan_id from task_unit tu join task t on t.id = tu.task_id where tu.via_group_id is not null"
                 " and tu.role = 'LEAD' group by 1 order by count(*) desc limit 1")
group_member = q("select tu.unit_id from task_unit tu where tu.via_group_id is not null and tu.role = 'LEAD'"
                 " group by 1 order by count(*) desc, 1 limit 1")
OPEN = '&'.join('status=' + s for s in ['ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'ONGOING', 'REOPENED'])
yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
queries = [f'{OPEN}&sort=DEADLINE&size=50', f'{OPEN}&deadlineTo={yesterday}&sort=DEADLINE&size=50',
           f'{OPEN}&sort=DEADLINE&size=50&page=3', f'{OPEN}&sort=DEADLINE&size=200', '', 'page=999',
           'sort=REF&desc=true&size=100', 'sort=STATUS&size=30', 'status=CLOSED&size=20', 'q=%E6%B2%BB%E7%90%86&size=40']
queries += [f'planId={p}&size=100' for p in grouped_plan] + [f'leadUnitId={u}&size=100' for u in group_member]
root_only = [f'{OPEN}&deadlineTo={yesterday}&leadUnitId={c}&sort=DEADLINE&size=50' for c in cities]
html = [f'{OPEN}&sort=DEADLINE&size=50', f'{OPEN}&deadlineTo={yesterday}&sort=DEADLINE&size=50'] \
    + [f'planId={p}&size=100' for p in grouped_plan]
blank = re.compile(rb'(name="_csrf" (?:content|value)=")[^"]*"')
c = http.client.HTTPConnection(host, int(port), timeout=120)
n = 0
for u in users:
    auth = 'Basic ' + base64.b64encode(f'{u}:{pw}'.encode()).decode()
    paths = [f'/api/tasks?{x}' for x in queries] + [f'/tasks?{x}' for x in html]
    if u == 'g1-office':
        paths += [f'/api/tasks?{x}' for x in root_only] + [f'/tasks?{x}' for x in root_only[:3]]
    for p in paths:
        c.request('GET', p, headers={'Authorization': auth, 'Accept-Language': 'zh-CN'})
        r = c.getresponse()
        body = blank.sub(rb'\1"', r.read())
        n += 1
        with open(f'{out}/{n:04d}.txt', 'wb') as f:
            f.write(f'{r.status} {u} {p}\n'.encode() + body)
print(f'{n} answers of {len(users)} accounts in {out}')
