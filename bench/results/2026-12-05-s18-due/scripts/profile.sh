#!/usr/bin/env bash
# profile.sh JAR TAG: one client, due only, under a flight recording; then jfrsplit per role window
set -u
cd /work/wt/due
JAR=$1; TAG=$2; O=/tmp/due-out/prof-$TAG
rm -rf $O; mkdir -p $O
echo "[$(date +%H:%M:%S)] profile $TAG load $(cut -d' ' -f1-3 /proc/loadavg)"
JAVA_OPTS="-XX:StartFlightRecording=settings=profile,filename=$O/rec.jfr,dumponexit=true -XX:FlightRecorderOptions=stackdepth=256" \
JAR=$JAR DATA=/tmp/due-100k PORT=18400 THREADS=${THREADS:-1} OPS=due DURATION=${DURATION:-25} WARMUP=10 WARM_START=10 SKIP_SQL=1 \
  APP_OPTS=--db-scheduler.enabled=false OUT=$O bash bench/run.sh > $O/run.log 2>&1
sleep 2
python3 - $O <<'PY'
import json,sys,subprocess
o=sys.argv[1]
for l in open(f'{o}/results.jsonl'):
    r=json.loads(l)
    print(r['role'], r['p50_ms'], r['p95_ms'], r['ops_per_s'])
    out=subprocess.run(['python3','bench/jfrsplit.py',f'{o}/rec.jfr',str(r['start_epoch']),str(r['end_epoch']),'http-nio',
        'jackson.databind.ObjectMapper','JacksonJsonHttpMessageConverter','ProgressViews.duePage','OpenDuties.page','WrittenCycles','ReportingCycles.cyclesOfPlans','ReportingCycles.cadences','ProgressViews.slots','ProgressViews.contributions'],capture_output=True,text=True).stdout
    open(f"{o}/split-{r['role']}.txt",'w').write(out)
PY
echo "[$(date +%H:%M:%S)] done load $(cut -d' ' -f1-3 /proc/loadavg)"
