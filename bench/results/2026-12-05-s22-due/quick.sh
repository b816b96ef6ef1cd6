#!/bin/bash
# quick.sh PORT LABEL: 1,000 sequential warm requests, then wrk 8 connections 10 s on a county office's due list
P=$1; L=$2; TOK=$(cat /tmp/due-out/tokc)
for i in $(seq 1 1000); do curl -s -o /dev/null -H "Authorization: Bearer $TOK" http://127.0.0.1:$P/api/progress/due; done
echo "$L load $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c8 -d10s --latency -H "Authorization: Bearer $TOK" http://127.0.0.1:$P/api/progress/due | grep -E "Requests/sec|90%|99%|50%"
