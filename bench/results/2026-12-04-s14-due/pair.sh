#!/usr/bin/env bash
# one measurement of a jar on the copy: CPU per request (due), then throughput of task and due, both clients
# usage: pair.sh NAME JAR
set -u
NAME=$1; JAR=$2; O=/tmp/s14-s14-due-out; D=/tmp/s14-s14-due-bench; S=$O/before0/setup.json
cd /work/wt/s14-due
mkdir -p $O/$NAME
java -jar $JAR --server.port=18171 --rectify.data-dir=$D --spring.flyway.out-of-order=true --db-scheduler.enabled=false > $O/$NAME/app.log 2>&1 &
APP=$!; echo $APP > $O/app.pid
for i in $(seq 1 400); do curl -fs -o /dev/null -u g1-office:bench-pass-2026 "http://127.0.0.1:18171/api/tasks?size=1" && break; sleep 1; done
python3 bench/measure.py $S --ops "task due" --threads 8 --duration 3 --warmup 0 --out $O/$NAME/warm.jsonl >/dev/null 2>&1
{ echo "$NAME $(uptime)"; python3 bench/cpu-per-request.py $S $APP $D 400 due; } > $O/$NAME/cpu.txt 2>&1
python3 bench/measure.py $S --ops "task due" --threads 8 --duration 10 --warmup 5 --out $O/$NAME/results.jsonl >/dev/null 2>&1
python3 bench/wrkload.py $S --ops "task due" --threads 8 --duration 10 --warmup 5 --out $O/$NAME/results.jsonl >/dev/null 2>&1
uptime >> $O/$NAME/cpu.txt
kill $APP; wait $APP 2>/dev/null
python3 - $O/$NAME <<'PY' > $O/$NAME/results.md
import json, sys
rows = [json.loads(l) for l in open(f'{sys.argv[1]}/results.jsonl')]
print('| role | op | client | p50 ms | p95 ms | p99 ms | ops/s | errors |\n|---|---|---|---|---|---|---|---|')
for r in rows:
    print(f"| {r['role']} | {r['query']} | {r.get('client', 'python')} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['ops_per_s']} | {r['errors']} |")
PY
