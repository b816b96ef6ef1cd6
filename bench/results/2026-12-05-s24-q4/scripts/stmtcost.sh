#!/usr/bin/env bash
# stmtcost.sh NAME JAR [N]: where a catch-up submission's PostgreSQL time goes, per statement and per protocol step.
# A fresh copy of the 100k master, the app started, 300 catch-up submissions unmeasured (bench/q4cost.py older), then
# N (200) one at a time measured (CPU per submission of the JVM and each PostgreSQL process, /proc), then N more
# with every statement's parse, bind (a custom plan is made at bind) and execute logged
# (log_min_duration_statement = 0; pg_stat_statements cannot be preloaded: the app sets shared_preload_libraries on the
# command line); stmtsum.py sums them per statement and backend.
set -euo pipefail
name=$1; jar=$2; N=${3:-200}; port=${PORT:-18210}; R=${R:-/work/wt/q4/bench/results/2026-12-05-s24-q4/statements}
d=/tmp/q4-100k-st; mkdir -p $R; rm -rf $d; cp -a /tmp/rectify-bench-100000 $d
printf "logging_collector = on\nlog_directory = 'log'\nlog_line_prefix = '%%m [%%p] '\n" >> $d/postgres/postgresql.conf
cd /work/wt/q4
java -jar $jar --server.port=$port --rectify.data-dir=$d --db-scheduler.enabled=false > $R/$name.app.log 2>&1 & app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for i in $(seq 600); do curl -fs -o /dev/null -u g1-office:bench-pass-2026 "http://127.0.0.1:$port/api/tasks?size=1" && break; sleep 0.5; done
export PGHOST=localhost PGUSER=postgres PGDATABASE=postgres PGPORT=$(sed -n 4p $d/postgres/postmaster.pid)
export PGPASSWORD=$(sed -n 's/^postgres=//p' $d/postgres-passwords.properties)
python3 bench/q4cost.py http://127.0.0.1:$port $d $app older 300 g1-c01-k01-d1-staff g1-c01-k02-d1-staff g1-c02-k01-d1-staff > /dev/null
pm=$(head -1 $d/postgres/postmaster.pid)
snap() { for p in $(pgrep -P $pm); do echo "$p $(awk '{print $14+$15}' /proc/$p/stat) $(tr '\0' ' ' </proc/$p/cmdline | cut -c1-40)"; done; }
snap > $R/$name.s0
{ uptime; python3 bench/q4cost.py http://127.0.0.1:$port $d $app older $N g1-c03-k01-d1-staff g1-c03-k02-d1-staff g1-c04-k01-d1-staff; } > $R/$name.cost
snap > $R/$name.s1
python3 - $N $R/$name.s0 $R/$name.s1 >> $R/$name.cost <<'PY'
import sys
n = int(sys.argv[1]); s0 = {l.split()[0]: int(l.split()[1]) for l in open(sys.argv[2])}
for l in open(sys.argv[3]):
    p = l.split()
    if p[0] in s0 and int(p[1]) > s0[p[0]]:
        print(f"{(int(p[1]) - s0[p[0]]) * 10 / n:.3f} ms/submission  {' '.join(p[2:])}")
PY
# then N more with every statement logged (the log's own cost kept out of the CPU figures above)
psql -X -q -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null; sleep 1
rm -f $d/postgres/log/*; psql -X -q -c "select pg_rotate_logfile()" >/dev/null; sleep 0.5
python3 bench/q4cost.py http://127.0.0.1:$port $d $app older $N g1-c04-k02-d1-staff g1-c05-k01-d1-staff g1-c05-k02-d1-staff > $R/$name.logged
psql -X -q -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null; sleep 1
python3 "$(dirname "$0")/stmtsum.py" $N $d/postgres/log/* > $R/$name.statements
cat $R/$name.cost $R/$name.statements
