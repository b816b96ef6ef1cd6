#!/usr/bin/env bash
for r in "m-A1 /tmp/rectify-bench-1000000 pgss" "m-B1 /tmp/rectify-bench-1000000 gen-pgss" "m-B2 /tmp/rectify-bench-1000000 gen-pgss" "m-A2 /tmp/rectify-bench-1000000 pgss" "k-B1 /tmp/rectify-bench-100000 gen-pgss" "k-A1 /tmp/rectify-bench-100000 pgss"; do
  set -- $r
  echo "$(date +%H:%M:%S) $1" >> /tmp/s33/exp3.log
  JAR=/tmp/s33/$3.jar PGSS=1 bash /tmp/s33/due3.sh $1 $2
done
echo "$(date +%H:%M:%S) end" >> /tmp/s33/exp3.log
