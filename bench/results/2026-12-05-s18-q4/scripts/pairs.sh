#!/bin/bash
# alternated runs, each on a fresh copy of the snapshot: NAME:JAR ...
S=$(dirname $(readlink -f $0))
for r in "$@"; do
  name=${r%%:*}; jar=${r#*:}
  rm -rf /tmp/q4-100k; cp -a /tmp/q4-snap /tmp/q4-100k
  $S/run1.sh $name $jar > /tmp/q4-out/$name.txt 2>&1
done
rm -rf /tmp/q4-100k
echo done > /tmp/q4-out/pairs.done
