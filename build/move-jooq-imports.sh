#!/usr/bin/env bash
# Rewrites references to the retired open schema package org.rectify.db (Tables.X constants, tables.X and
# tables.records.XRecord classes) to the owning module's org.rectify.<module>.internal.db, using the ownership
# map build/module-tables.properties. For code written on other branches before the split:
#   build/move-jooq-imports.sh src/main/java/org/rectify/foo/Bar.java ...   (no argument: every .java under src/)
# A file that then references another module's internal.db fails ModularityTests: use the owner's API instead.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
map="$here/module-tables.properties"
script="$(mktemp)"
trap 'rm -f "$script"' EXIT
# join continuation lines, drop comments, keep "module = a, b, c" (not "module.api", not "none")
sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$map" | grep -E '^[a-z]+ *=' | grep -v '^none' |
while IFS='=' read -r module tables; do
  module="$(echo "$module" | tr -d ' ')"
  for table in $(echo "$tables" | tr ',' ' '); do
    const="$(echo "$table" | tr '[:lower:]' '[:upper:]')"
    class="$(echo "$table" | sed -E 's/(^|_)([a-z])/\U\2/g')"
    pkg="org.rectify.$module.internal.db"
    echo "s/org\.rectify\.db\.Tables\.$const\b/$pkg.Tables.$const/g" >> "$script"
    echo "s/org\.rectify\.db\.tables\.records\.${class}Record\b/$pkg.tables.records.${class}Record/g" >> "$script"
    echo "s/org\.rectify\.db\.tables\.$class\b/$pkg.tables.$class/g" >> "$script"
  done
done
if [ "$#" -eq 0 ]; then
  set -- $(grep -rl 'org\.rectify\.db\.' "$here/../src" --include='*.java' || true)
fi
[ "$#" -eq 0 ] && exit 0
sed -i -f "$script" "$@"
left="$(grep -l 'org\.rectify\.db\.' "$@" || true)"
if [ -n "$left" ]; then
  echo "still referencing org.rectify.db (wildcard imports? rewrite by hand):" >&2
  echo "$left" >&2
  exit 1
fi
