#!/usr/bin/env bash
# The JVM's CPU by thread (C2 and C1 compilers, main, Tomcat, collector) at the moment a form login works (session 16).
#   DATA=/tmp/copy LOGIN=g1-office PASS=bench-pass-2026 [JAVA_OPTS=...] [CDS=dir] bash bench/results/2026-12-04-s16-start/threads.sh
# start bin/rectify on DATA, wait for a working login, print per-thread-group CPU
HERE=$(cd "$(dirname "$0")" && pwd); cd "$HERE/../../.."; : "${DATA:?}"
PORT=${PORT:-18402}; BASE=http://127.0.0.1:$PORT
RECTIFY_CDS_DIR=${CDS:-target/rectify-cds} JAVA_OPTS="${JAVA_OPTS:-}" ${START:-bin/rectify} --server.port=$PORT --rectify.data-dir=$DATA ${ARGS:-} > "${APPLOG:-/tmp/threads-app.log}" 2>&1 &
APP=$!
t0=$(date +%s.%N)
until "$HERE/login.sh" $BASE $LOGIN $PASS / 2>/dev/null | grep -q '^/ 200 .*/\(insight\|todo\|dashboard\|tasks\)'; do sleep 0.2; kill -0 $APP || exit 1; done
t1=$(date +%s.%N)
hz=$(getconf CLK_TCK)
for t in /proc/$APP/task/*; do n=$(cat $t/comm); s=$(sed 's/.*) //' $t/stat | awk '{print $12+$13}'); echo "$n|$s"; done | python3 -c "
import sys,re,collections
c=collections.Counter()
for l in sys.stdin:
    n,s=l.rstrip().rsplit('|',1); n=re.sub(r'(?<=[a-z ])\d+','#',n); c[n]+=int(s)
tot=sum(c.values())
print('total %.1f s'%(tot/$hz), ', '.join('%s %.2f'%(k,v/$hz) for k,v in c.most_common(12)))
"
echo "login after $(echo "$t1 - $t0" | bc) s; load $(cut -d' ' -f1 /proc/loadavg)"
kill $APP; wait $APP
