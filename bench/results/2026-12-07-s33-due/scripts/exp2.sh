#!/usr/bin/env bash
for r in "k-a /tmp/rectify-bench-100000" "m-a /tmp/rectify-bench-1000000" "k-b /tmp/rectify-bench-100000" "m-b /tmp/rectify-bench-1000000"; do
  set -- $r
  echo "$(date +%H:%M:%S) $1" >> /tmp/s33/exp2.log
  JAR=/tmp/s33/pgss.jar PGSS=1 bash /tmp/s33/due3.sh $1 $2
done
echo "$(date +%H:%M:%S) end" >> /tmp/s33/exp2.log
