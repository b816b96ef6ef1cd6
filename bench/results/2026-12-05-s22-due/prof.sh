#!/usr/bin/env bash
# prof.sh JAR TAG: start on the due copy under a flight recording (1 ms samples), drive.py, stop, split per role
set -u
cd /work/wt/due
JAR=$1; TAG=$2; O=/tmp/due-out/prof-$TAG; PORT=${PORT:-18612}
rm -rf $O; mkdir -p $O
echo "[$(date +%H:%M:%S)] profile $TAG load $(cut -d' ' -f1-3 /proc/loadavg)" | tee $O/load.txt
JAVA_OPTS="-XX:StartFlightRecording=settings=/tmp/due-out/fast.jfc,filename=$O/rec.jfr,dumponexit=true -XX:FlightRecorderOptions=stackdepth=256" \
  PIDFILE=$O/app.pid /tmp/due-out/app.sh $JAR $PORT $O/app.log || { echo start failed; exit 1; }
python3 /tmp/due-out/drive.py /tmp/due-out/floorA/setup.json http://127.0.0.1:$PORT ${WARM:-2000} ${N:-3000} > $O/windows.jsonl
kill $(cat $O/app.pid); while kill -0 $(cat $O/app.pid) 2>/dev/null; do sleep 1; done
echo "[$(date +%H:%M:%S)] done load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a $O/load.txt
while read -r l; do
  role=$(echo "$l" | python3 -c 'import json,sys; print(json.load(sys.stdin)["role"])')
  s=$(echo "$l" | python3 -c 'import json,sys; print(json.load(sys.stdin)["start"])')
  e=$(echo "$l" | python3 -c 'import json,sys; print(json.load(sys.stdin)["end"])')
  python3 bench/jfrsplit.py $O/rec.jfr $s $e http-nio ${FILTERS:-} > $O/split-$role.txt
done < $O/windows.jsonl
