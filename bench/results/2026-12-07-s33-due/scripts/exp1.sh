#!/usr/bin/env bash
for r in "1m-nowait /tmp/rectify-bench-1000000 0" "100k-nowait /tmp/rectify-bench-100000 0" "1m-wait /tmp/rectify-bench-1000000 900" "100k-wait /tmp/rectify-bench-100000 900"; do
  set -- $r
  echo "$(date +%H:%M:%S) $1" >> /tmp/s33/exp1.log
  bash /tmp/s33/due2.sh $1 $2 $3
done
echo "$(date +%H:%M:%S) end" >> /tmp/s33/exp1.log
