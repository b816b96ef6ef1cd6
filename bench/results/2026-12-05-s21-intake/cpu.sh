#!/usr/bin/env bash
# prints "jvm_cpu_s pg_cpu_s" : the app's CPU and the embedded server's (postmaster, its reaped children and live ones)
APP=$1; DATA=$2; HZ=$(getconf CLK_TCK)
pm=$(sed -n 1p $DATA/postgres/postmaster.pid)
jvm=$(awk '{print $14+$15}' /proc/$APP/stat)
pg=$(awk '{print $14+$15+$16+$17}' /proc/$pm/stat)
for c in $(pgrep -P $pm); do v=$(awk '{print $14+$15}' /proc/$c/stat 2>/dev/null || echo 0); pg=$((pg+v)); done
echo "$(echo "scale=2; $jvm/$HZ" | bc) $(echo "scale=2; $pg/$HZ" | bc)"
