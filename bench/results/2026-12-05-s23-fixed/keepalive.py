#!/usr/bin/env python3
"""keepalive.py BASE TOKEN N: N token calls on one keep-alive connection; how many answers said Connection: close."""
import http.client, sys
host, port = sys.argv[1].split('//')[1].split(':')
c = http.client.HTTPConnection(host, int(port)); closes = 0
for i in range(int(sys.argv[3])):
    c.request('GET', '/api/tasks/count', headers={'Authorization': 'Bearer ' + sys.argv[2]})
    r = c.getresponse(); r.read()
    if (r.getheader('Connection') or '').lower() == 'close':
        closes += 1
print(f'{sys.argv[3]} calls, {closes} answered Connection: close')
