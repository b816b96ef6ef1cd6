#!/bin/bash
# $1 name, $2 jar: a run with a flight recording on a fresh copy (deep stacks)
name=$1; jar=$2
rm -rf /tmp/q4-100k; cp -a /tmp/q4-snap /tmp/q4-100k
JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/q4-out/$name.jfr,settings=profile -XX:FlightRecorderOptions=stackdepth=256" \
  WARMUP=${WARMUP:-30} DURATION=${DURATION:-20} ./run1.sh $name $jar > /tmp/q4-out/$name.txt 2>&1
