#!/usr/bin/env python3
"""Under wrk load (wrkload.py's requests), a flight recording per (role, op) taken with jcmd.
  python3 profile.py setup.json APP_PID OUTDIR "root-office:q1 root-office:q2 county-office:q1" [seconds]"""
import importlib.util, json, os, subprocess, sys, threading
spec = importlib.util.spec_from_file_location('wrkload', '/work/wt/s13-reads/bench/wrkload.py')
w = importlib.util.module_from_spec(spec); spec.loader.exec_module(w)
setup, pid, out, pairs = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3], sys.argv[4].split()
secs = int(sys.argv[5]) if len(sys.argv) > 5 else 15
os.makedirs(out, exist_ok=True)
for pair in pairs:
    role, op = pair.split(':'); cfg = setup['roles'][role]
    ids = w.first_tasks(setup['base'], cfg['token'])
    lua = w.LUA % {'paths': ', '.join(json.dumps(x) for x in w.paths(op, cfg, ids)), 'seed': 1, 'token': cfg['token']}
    w.wrk(setup['base'], lua, 8, 5)
    f = f'{out}/{role}-{op}.jfr'
    subprocess.run(['jcmd', pid, 'JFR.start', 'name=p', 'settings=profile', f'filename={f}'], check=True, capture_output=True)
    r = w.wrk(setup['base'], lua, 8, secs)
    subprocess.run(['jcmd', pid, 'JFR.stop', 'name=p'], check=True, capture_output=True)
    print(role, op, round(r['requests'] / (r['duration_us'] / 1e6), 1), 'ops/s', 'p95', r['p95'] / 1000, 'ms', flush=True)
