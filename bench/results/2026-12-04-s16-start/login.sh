#!/usr/bin/env bash
# form login against BASE as LOGIN/PASS, then GET each path; prints code per path
BASE=$1; LOGIN=$2; PASS=$3; shift 3
jar=$(mktemp)
token=$(curl -fs -c "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=$LOGIN" --data-urlencode "password=$PASS" --data-urlencode "_csrf=$token" "$BASE/login"
for p in "$@"; do echo "$p $(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code} %{url_effective} %{time_total}' -L "$BASE$p")"; done
rm -f "$jar"
