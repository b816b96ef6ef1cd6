#!/usr/bin/env bash
# jfrsplit per (role, op) window of a run: split.sh OUT REC
OUT=$1; REC=$2
cd /work/wt/ledger
python3 - "$OUT" "$REC" <<'PY'
import json, subprocess, sys
out, rec = sys.argv[1], sys.argv[2]
for l in open(f'{out}/results.jsonl'):
    r = json.loads(l)
    if r['role'] not in ('root-office', 'county-office') or r['query'] not in ('q1', 'q2', 'q3'):
        continue
    name = f"{out}/jfr-{r['role']}-{r['query']}.txt"
    with open(name, 'w') as f:
        subprocess.run(['python3', 'bench/jfrsplit.py', rec, str(r['start_epoch']), str(r['end_epoch']), 'http-nio',
                        'TaskLedger.find', 'KeptUnitPaths', 'TaskLedger.leadPath', 'FilterChainProxy.doFilter', 'AdmissionGate',
                        'writeWithMessageConverters', 'RenderedStatements.rows', 'BearerTokens', 'QueryRecordResolver',
                        'HeaderWriterFilter', 'CsrfFilter', 'StaleSessions', 'InputGuard', 'CoyoteAdapter.service'], stdout=f)
    print(name)
PY
