#!/usr/bin/env bash
# split.sh DIR: jfrsplit per role window of a profile run
cd /work/wt/due
python3 - $1 <<'PY'
import json,sys,subprocess
o=sys.argv[1]
for l in open(f'{o}/results.jsonl'):
    r=json.loads(l)
    out=subprocess.run(['python3','bench/jfrsplit.py',f'{o}/rec.jfr',str(r['start_epoch']),str(r['end_epoch']),'http-nio',
        'RequestResponseBodyMethodProcessor.handleReturnValue','ProgressViews.duePage','OpenDuties.page','OpenDuties.row','WrittenCycles','ReportingCycles.cyclesOfPlans','ReportingCycles.cadences','ProgressViews.slots','ProgressViews.contributions','InvocableHandlerMethod.invokeForRequest','TransactionInterceptor.invoke','AdmissionGate.doFilterInternal','DispatcherServlet.doService'],capture_output=True,text=True).stdout
    open(f"{o}/split-{r['role']}.txt",'w').write(out)
PY
