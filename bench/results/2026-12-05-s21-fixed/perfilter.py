import collections, json, subprocess, sys
from datetime import datetime
rec, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
raw = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '256', '--events', 'jdk.ExecutionSample', rec], capture_output=True, text=True, check=True).stdout
def epoch(t): return datetime.fromisoformat(t.replace('Z', '+00:00')).timestamp()
att = collections.Counter(); n = 0
for e in json.loads(raw)['recording']['events']:
    v = e['values']
    th = (v.get('sampledThread') or {}).get('javaName') or ''
    if not th.startswith('http-nio') or not (start <= epoch(v['startTime']) <= end): continue
    fr = [f"{f['method']['type']['name'].replace('/', '.')}.{f['method']['name']}" for f in (v.get('stackTrace') or {}).get('frames', [])]
    n += 1
    last = 'tomcat (before filters)'
    for f in reversed(fr):
        if 'DispatcherServlet.doDispatch' in f: last = 'MVC dispatch'; break
        cls, m = f.rsplit('.', 1)
        if m in ('doFilter', 'doFilterInternal', 'invoke', 'doHeadersAfter') and ('Filter' in cls or 'Valve' in cls or cls.startswith('org.rectify') or 'Security' in cls or 'Csrf' in cls):
            last = cls.split('.')[-1]
    att[last] += 1
print(n)
for k, c in att.most_common(): print(f'{100*c/n:5.1f} %  {k}')
