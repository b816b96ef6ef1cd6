#!/usr/bin/env python3
"""Statements and transactions per page view, from PostgreSQL's own log: set logging_collector = on, log_directory =
'log' and log_min_duration_statement = 0 in DATA/postgres/postgresql.conf of a copy of the data (never the lead's),
start the app on it with --db-scheduler.enabled=false, then count around N GETs of each page by one signed-in user
(one warm-up GET first). The last column counts reads of every plan's short name (PlanShortNames.all()).

  python3 bench/pagestatements.py http://127.0.0.1:18191 office rectify-demo DATA/postgres/log 5 /tasks /plans
"""
import glob, os, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crawl import Session
base, user, pw, logdir, n = sys.argv[1:6]
n = int(n)
import re
CONTROL = re.compile(r'(execute [^:]+|statement): (BEGIN|COMMIT|ROLLBACK|SET|SHOW)', re.I)
def lines():
    """(statements, transactions, reads of every plan's short name) in the log so far."""
    n = t = a = 0
    for f in glob.glob(logdir + '/*.log'):
        for l in open(f, errors='replace'):
            if 'duration:' not in l or not re.search(r'duration: [0-9.]+ ms  (execute [^:]+|statement):', l):
                continue
            if CONTROL.search(l):
                t += 'BEGIN' in l
                continue
            n += 1
            a += '"plan"."short_name" is not null' in l and '"task"' not in l
    return n, t, a
s = Session(base); s.sign_in(user, pw)
for p in sys.argv[6:]:
    s.request('GET', p)  # warm
    time.sleep(0.5); before = lines()
    for _ in range(n):
        st = s.request('GET', p)[0]
    time.sleep(1.0)
    after = lines()
    d = [(x - y) / n for x, y in zip(after, before)]
    print(f'{p}\t{st}\t{d[0]:.1f} statements\t{d[1]:.1f} transactions\t{d[2]:.1f} all-short-names reads per view')
