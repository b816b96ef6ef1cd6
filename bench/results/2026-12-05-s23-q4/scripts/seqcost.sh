#!/usr/bin/env bash
# seqcost.sh NAME JAR [N]: a fresh copy of the 100k master, the app started, 300 catch-up submissions unmeasured, then
# N (300) one at a time (bench/q4cost.py older): its line, and the CPU per submission of each PostgreSQL process
# (request backend, catch-up backend, WAL writer, ...) from /proc. One copy at a time.
set -euo pipefail
name=$1; jar=$2; N=${3:-300}; port=${PORT:-18203}; R=${R:-/work/wt/q4/bench/results/2026-12-05-s23-q4/seqcost}
d=/tmp/q4-seq; mkdir -p $R; rm -rf $d; cp -a /tmp/rectify-bench-100000 $d
cd /work/wt/q4
java -jar $jar --server.port=$port --rectify.data-dir=$d --db-scheduler.enabled=false > $R/$name.app.log 2>&1 & app=$!
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
cat $R/$name.cost
kill $app; wait $app 2>/dev/null || true
rm -rf $d
