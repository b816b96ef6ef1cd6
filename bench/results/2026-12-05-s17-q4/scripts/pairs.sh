#!/bin/bash
# alternated runs, each on a fresh copy of the snapshot
cd /tmp/q4-out
for r in "$@"; do
  name=${r%%:*}; jar=${r#*:}
  rm -rf /tmp/q4-100k; cp -a /tmp/q4-snap /tmp/q4-100k
  ./run1.sh $name $jar > /tmp/q4-out/$name.txt 2>&1
done
echo done > /tmp/q4-out/pairs.done
