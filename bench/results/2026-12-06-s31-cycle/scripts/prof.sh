#!/usr/bin/env bash
# prof.sh NAME JAR: session 28's q4ab.sh (a fresh copy of the 100k master, a settled Q4 run, Python, 45 s, cpusplit)
# with async-profiler (AP: its 4.2 linux-x64 library, Maven Central's tools.profiler:async-profiler) over 20 s of the
# window, 8 s in: the request threads' folded stacks in $WORK/NAME/q4.collapsed (p1 ran the same steps inline)
set -u
name=$1; out=${WORK:-/tmp/q4ab}/$name; data=${WORK:-/tmp/q4ab}/d-$name
Q="copy (select now()) to stdout" bash "$(dirname "$0")/../../2026-12-06-s28-queue/scripts/q4ab.sh" "$name" "$2" &
run=$!
for _ in $(seq 900); do grep -q "load (" $out/run.log 2>/dev/null && break; sleep 1; done
sleep 8
pid=$(pgrep -f "rectify.data-dir=$data" | head -1)
jcmd $pid JVMTI.agent_load "${AP:?}" "\"start,event=cpu,interval=1ms,threads\"" > $out/ap-start.txt
sleep 20
jcmd $pid JVMTI.agent_load "$AP" "\"stop,file=$out/q4.collapsed,collapsed\"" > $out/ap-stop.txt
wait $run
