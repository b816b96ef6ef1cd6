#!/usr/bin/env bash
# headers.sh BASE OUT: curl -D of token calls (answers, refusals, a token beside a session cookie), a Basic call and
# pages; dates, session ids, CSRF tokens and error timestamps blanked
base=$1; out=$2; P=bench-pass-2026; mkdir -p $out
tok() { curl -s -u "$1:$P" -H 'Content-Type: application/json' -d '{"name":"hdr","days":1}' $base/api/account/tokens | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])'; }
COUNTY=$(tok g1-c01-k01-office); ROOT=$(tok g1-office)
jar=$out/cookies; rm -f $jar
csrf=$(curl -s -c $jar -b $jar $base/login | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c $jar -b $jar -d "username=g1-office&password=$P&_csrf=$csrf" $base/login
n=0
blank() { sed 's/\(_csrf" \(value\|content\)="\)[^"]*"/\1"/g; s/"timestamp":"[^"]*"//'; }
show() { n=$((n+1)); { echo "### $n: $*" | sed 's/rct_[A-Za-z0-9_-]*/TOKEN/; s#/tmp/fixed-w/[^/]*/#DIR/#'; curl -s -D - -o $out/body-$n.txt "$@" | grep -v -i '^date:\|^Keep-Alive' | sed 's/JSESSIONID=[^;]*/JSESSIONID=X/'; echo "body bytes: $(wc -c < $out/body-$n.txt) sha (blanked): $(blank < $out/body-$n.txt | sha1sum | cut -c1-12)"; } >> $out/headers.txt; }
: > $out/headers.txt
show -H "Authorization: Bearer $COUNTY" "$base/api/tasks/count"
show -H "Authorization: Bearer $COUNTY" "$base/api/tasks?size=2"
show -H "Authorization: Bearer $COUNTY" "$base/v3/api-docs"
show -H "Authorization: Bearer rct_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" "$base/api/tasks/count"
show -H "Authorization: Bearer garbage" "$base/api/tasks/count"
show -H "Authorization: Bearer $COUNTY" "$base/api/admin/accounts"
show -H "Authorization: Bearer $COUNTY" "$base/api/tasks/999999999"
show -H "Authorization: Bearer $COUNTY" "$base/api/no-such-thing"
show -H "Authorization: Bearer $COUNTY" -H 'Accept: application/yaml' "$base/api/tasks/count"
show -H "Authorization: Bearer $COUNTY" -b $jar "$base/api/admin/accounts"
show -H "Authorization: Bearer $ROOT" -b $jar "$base/api/tasks/count"
show -H "Authorization: Bearer $COUNTY" -X POST -H 'Content-Type: application/json' -d '{}' "$base/api/account/tokens"
show -H "Authorization: Bearer $COUNTY" "$base/tasks?size=2"
show -u "g1-c01-k01-office:$P" "$base/api/tasks/count"
show -b $jar "$base/api/tasks/count"
show -b $jar -X PUT -H 'Content-Type: application/json' -d '{"email":"x@example.org"}' "$base/api/admin/accounts/1/email"
show "$base/login"
show -b $jar "$base/tasks?size=2"
show "$base/api/tasks/count"
