#!/usr/bin/env python3
"""Shares of a flight recording's request samples by the innermost rectify frame, for the due list and the task page.
  jfr print --events jdk.ExecutionSample --stack-depth 120 X.jfr > samples.txt; python3 jfrshare.py samples.txt"""
import collections, re, sys
events = open(sys.argv[1]).read().split('jdk.ExecutionSample')
for name, key in [('due list', 'ProgressApiController.due'), ('task page', 'TaskApiController.get')]:
    chosen = [re.findall(r'^\s+([\w$.<>]+)\(', e, re.M) for e in events if key in e]
    inner = collections.Counter(next((f for f in fs if f.startswith('org.rectify')), '-').replace('$$SpringCGLIB$$0', '')
                                for fs in chosen)
    print(f'{name}: {len(chosen)} samples')
    for frame, n in inner.most_common(10):
        print(f'  {100 * n / len(chosen):5.1f} %  {frame}')
