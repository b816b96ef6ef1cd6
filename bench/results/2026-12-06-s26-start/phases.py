#!/usr/bin/env python3
"""The phases of kept start-up logs (bench/startup.sh KEEP_LOG=DIR), in seconds since the JVM started:
  python3 phases.py DIR...   (each DIR's run-N.log; the JVM's start is "Started" minus its "process running for")
PostgreSQL's own lines appear with ARGS=--logging.level.io.zonky.test.db.postgres.embedded=INFO."""
import glob, re, sys
from datetime import datetime

MARKS = [('pg-up', r'database system is ready to accept connections'),
         ('ctx', r'Starting RectifyApplication'),
         ('pg-taken', r'HikariPool.*Added connection|Flyway.*Database:|FlywayExecutor'),
         ('flyway', r'Successfully validated'),
         ('tomcat-init', r'Tomcat initialized'),
         ('security', r'AuthenticationManager configured'),
         ('scheduler', r'Creating db-scheduler'),
         ('tomcat-up', r'Tomcat started on port'),
         ('started', r'Started RectifyApplication'),
         ('ready-done', r'start-up: after the port opened|ready work done'),
         ('prewarm', r'autoprewarm successfully prewarmed')]
TS = re.compile(r'^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+)Z')
PGTS = re.compile(r'(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+) UTC')

def when(line):
    m = PGTS.search(line) or TS.search(line)
    return datetime.fromisoformat(m.group(1).replace(' ', 'T')).timestamp() if m else None

print('run', *[m for m, _ in MARKS], sep='\t')
for d in sys.argv[1:]:
    for log in sorted(glob.glob(f'{d}/run-*.log')):
        lines = open(log, errors='replace').read().splitlines()
        t0 = None
        for line in lines:
            m = re.search(r'Started RectifyApplication in [\d.]+ seconds \(process running for ([\d.]+)\)', line)
            if m:
                t0 = when(line) - float(m.group(1))
        if t0 is None:
            continue
        row = []
        for _, pattern in MARKS:
            hit = next((when(l) for l in lines if re.search(pattern, l) and when(l)), None)
            row.append(f'{hit - t0:.2f}' if hit else '-')
        print(log.replace('/run-', ' ').removesuffix('.log'), *row, sep='\t')
