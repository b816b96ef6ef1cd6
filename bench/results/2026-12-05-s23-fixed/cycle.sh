#!/usr/bin/env bash
# cycle.sh OUT.jsonl SIDES...: session 22's cycle.sh with A = /tmp/s22-ci.jar (B = /tmp/fixed-w/b.jar; any side not A is B)
A_JAR=/tmp/s22-ci.jar exec bash "$(dirname "$0")/../2026-12-05-s22-fixed/cycle.sh" "$@"
