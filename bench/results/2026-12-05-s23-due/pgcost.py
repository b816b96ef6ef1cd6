#!/usr/bin/env python3
# pgcost.py DATA SQLFILE...: each statement alone under pgbench (1 client, prepared), the backend's CPU per execution
import os, subprocess, sys, time, re
sys.path.insert(0, '/work/wt/due/bench')
from proccpu import HZ, ticks
data = sys.argv[1]
for f in sys.argv[2:]:
    p = subprocess.Popen(['pgbench', '-n', '-c1', '-M', 'prepared', '-T', '9', '-P', '1', '-f', f], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True)
    time.sleep(1.5)
    pid = subprocess.run(['psql', '-X', '-At', '-c', "select pid from pg_stat_activity where application_name = 'pgbench'"],
                         capture_output=True, text=True).stdout.split()[0]
    t0, w0 = ticks(pid), time.time()
    time.sleep(6)
    t1, w1 = ticks(pid), time.time()
    out = p.communicate()[0]
    tps = [float(x) for x in re.findall(r'progress: ([\d.]+) s, ([\d.]+) tps', out) and [m[1] for m in re.findall(r'progress: ([\d.]+) s, ([\d.]+) tps', out)]]
    secs = re.findall(r'progress: ([\d.]+) s, ([\d.]+) tps', out)
    rate = sum(float(t) for s, t in secs if 2 <= float(s) <= 8) / max(1, len([1 for s, t in secs if 2 <= float(s) <= 8]))
    cpu_ms = 1000 * (t1 - t0) / HZ / (w1 - w0)  # ms of CPU per second
    print(f'{os.path.basename(f)}: {rate:.0f} tps, backend {cpu_ms / rate * 1000:.1f} µs CPU per execution (load {os.getloadavg()[0]:.1f})', flush=True)
