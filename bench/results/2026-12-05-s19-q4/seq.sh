#!/usr/bin/env bash
# seq.sh label:jar ... — each on a fresh copy of /tmp/q4-snap: q4cost older N twice (the second is the warm figure)
set -uo pipefail
cd /work/wt/q4
N=${N:-300}; PORT=${PORT:-18221}; OUT=${OUT:-/tmp/q4-res/seq}
mkdir -p $OUT
for lj in "$@"; do
  label=${lj%%:*}; jar=${lj#*:}; data=/tmp/q4-seq-$label
  rm -rf $data; cp -a /tmp/q4-snap $data
  echo "[$(date +%H:%M:%S)] $label $jar load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a $OUT/seq.log
  java -jar $jar --server.port=$PORT --rectify.data-dir=$data > $OUT/$label-app.log 2>&1 &
  app=$!
  for i in $(seq 1 600); do curl -fs -o /dev/null -u "g1-office:bench-pass-2026" "http://127.0.0.1:$PORT/api/tasks?size=1" && break; sleep 0.5; done
  export PGHOST=localhost PGUSER=rectify_owner PGDATABASE=postgres PGPORT=$(sed -n 4p $data/postgres/postmaster.pid)
  export PGPASSWORD=$(sed -n 's/^rectify_owner=//p' $data/postgres-passwords.properties)
  for k in 1 2; do
    python3 bench/q4cost.py http://127.0.0.1:$PORT $data $app older $N 2>&1 | sed "s/^/$label run$k /" | tee -a $OUT/seq.log
  done
  echo "[$(date +%H:%M:%S)] $label done load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a $OUT/seq.log
  kill $app; wait $app 2>/dev/null
  rm -rf $data
done
