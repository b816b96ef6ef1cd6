#!/bin/bash
# sequential cost on a fresh copy: N warm submissions, then N measured (bench/q4cost.py), for each NAME:JAR in turn
cd /work/wt/q4
S=$(dirname $(readlink -f $0))
N=${N:-300}
for r in "$@"; do
  name=${r%%:*}; jar=${r#*:}
  rm -rf /tmp/q4-100k; cp -a /tmp/q4-snap /tmp/q4-100k
  uptime > /tmp/q4-out/seq-$name.txt
  $S/app.sh $jar 18203 /tmp/q4-out/seq-$name.log >> /tmp/q4-out/seq-$name.txt
  . $S/env.sh
  python3 bench/q4cost.py http://127.0.0.1:18203 /tmp/q4-100k $(cat /tmp/q4-out/app.pid) older $N >> /tmp/q4-out/seq-$name.txt 2>&1
  python3 bench/q4cost.py http://127.0.0.1:18203 /tmp/q4-100k $(cat /tmp/q4-out/app.pid) older $N >> /tmp/q4-out/seq-$name.txt 2>&1
  uptime >> /tmp/q4-out/seq-$name.txt
  kill $(cat /tmp/q4-out/app.pid); sleep 8
done
echo done > /tmp/q4-out/seq.done
