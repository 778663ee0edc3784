#!/usr/bin/env bash
# The CLI's contract: exit codes and messages for bad input, JSON output, JSON Lines batches with order kept.
set -u
cli="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
passed=0
check() {  # check NAME EXPECTED_EXIT ACTUAL_EXIT [CONDITION...]
  local name="$1" expected="$2" actual="$3"
  shift 3
  if [ "$expected" != "$actual" ]; then
    echo "FAIL $name: exit $actual, expected $expected"; failures=$((failures + 1)); return
  fi
  if [ $# -gt 0 ] && ! "$@"; then
    echo "FAIL $name: condition failed: $*"; failures=$((failures + 1)); return
  fi
  echo "ok   $name"; passed=$((passed + 1))
}
contains() { grep -q -- "$2" "$1"; }
json_check() { node -e "const r=JSON.parse(require('fs').readFileSync('$1','utf8')); if(!($2)) process.exit(1)"; }

# A readable article, from a file and from stdin.
cat > "$tmp/a.txt" <<'TXT'
Council approves new bike lanes

The city council on Tuesday approved two new bike lanes on Harbour Street.

Drivers may still park on the street on weekends.
TXT
"$cli" analyse "$tmp/a.txt" > "$tmp/out.json" 2> "$tmp/err"; rc=$?
check "analyse file" 0 $rc json_check "$tmp/out.json" "r.version===1 && r.article.text.includes('Harbour Street') && Array.isArray(r.entities) && r.policy && Array.isArray(r.policy.provisions) && r.errors.length===0 && r.timings.total_ms>=0"
"$cli" analyse < "$tmp/a.txt" > "$tmp/out2.json"; rc=$?
check "analyse stdin" 0 $rc json_check "$tmp/out2.json" "r.article.text.includes('bike lanes')"
"$cli" analyse --no-timings "$tmp/a.txt" > "$tmp/out3.json"; rc=$?
check "no timings" 0 $rc json_check "$tmp/out3.json" "r.timings===undefined"

# Raw-text commands: offsets point into the input itself.
printf 'Jane Smith said the ban stays.' > "$tmp/raw.txt"
"$cli" entities "$tmp/raw.txt" > "$tmp/ent.json"; rc=$?
check "entities raw text is verbatim" 0 $rc json_check "$tmp/ent.json" "r.article.text==='Jane Smith said the ban stays.' && r.entities.every(e => r.article.text.slice(e.start,e.end)===e.text)"
"$cli" policy "$tmp/raw.txt" > "$tmp/pol.json"; rc=$?
check "policy raw text is verbatim" 0 $rc json_check "$tmp/pol.json" "r.article.text==='Jane Smith said the ban stays.' && r.policy.provisions.every(p => r.article.text.slice(p.sentence.start,p.sentence.end)===p.sentence.text)"

# Bad input: clear message, non-zero exit.
: > "$tmp/empty.txt"
"$cli" analyse "$tmp/empty.txt" > "$tmp/o" 2> "$tmp/err"; rc=$?
check "empty input" 1 $rc contains "$tmp/err" "empty_input"
printf '   \n\t \n' > "$tmp/blank.txt"
"$cli" analyse "$tmp/blank.txt" > "$tmp/o" 2> "$tmp/err"; rc=$?
check "white space only" 1 $rc contains "$tmp/err" "empty_input"
head -c 4096 /dev/urandom > "$tmp/bin.dat"; printf '\0\0\0' >> "$tmp/bin.dat"
"$cli" analyse "$tmp/bin.dat" > "$tmp/o" 2> "$tmp/err"; rc=$?
check "binary input" 1 $rc contains "$tmp/err" "binary_input"
"$cli" analyse --max-bytes 10 "$tmp/a.txt" > "$tmp/o" 2> "$tmp/err"; rc=$?
check "oversized input" 1 $rc contains "$tmp/err" "input_too_large"
"$cli" analyse "$tmp/does-not-exist.html" > "$tmp/o" 2> "$tmp/err"; rc=$?
check "unreadable file" 3 $rc contains "$tmp/err" "cannot open"
"$cli" frobnicate > "$tmp/o" 2> "$tmp/err"; rc=$?
check "unknown command" 2 $rc contains "$tmp/err" "unknown command"
"$cli" analyse --format xml "$tmp/a.txt" > "$tmp/o" 2> "$tmp/err"; rc=$?
check "bad option value" 2 $rc contains "$tmp/err" "--format"
printf 'Caf\xe9 ol\xe9: the council approved it.' > "$tmp/latin1.txt"
"$cli" analyse "$tmp/latin1.txt" > "$tmp/o.json" 2> "$tmp/err"; rc=$?
check "a latin-1 file is decoded" 0 $rc json_check "$tmp/o.json" "r.warnings.some(w => w.code==='transcoded') && r.article.text.includes('Caf\u00e9 ol\u00e9')"
printf 'Z\xc3\xbcrich: the council approved it \xff today.' > "$tmp/broken.txt"
"$cli" analyse "$tmp/broken.txt" > "$tmp/o.json" 2> "$tmp/err"; rc=$?
check "invalid UTF-8 is repaired" 0 $rc json_check "$tmp/o.json" "r.warnings.some(w => w.code==='invalid_utf8') && r.article.text.includes('\ufffd')"

# Batch: one line out per line in, order and ids kept, a bad line reported without stopping the batch.
{
  echo '"First plain text input about a new curfew."'
  echo '{"id": "b", "text": "Second input: the court barred the company from selling the drug."}'
  echo 'this is not json'
  echo '{"id": 7, "html": "<html><head><title>Third</title></head><body><article><p>Third input paragraph that is long enough to count as an article body for the cleaner.</p></article></body></html>"}'
  echo '{"id": "e", "text": ""}'
} > "$tmp/batch.jsonl"
"$cli" analyse --jsonl "$tmp/batch.jsonl" > "$tmp/batch.out" 2> "$tmp/err"; rc=$?
check "jsonl line count" 1 $rc test "$(wc -l < "$tmp/batch.out")" -eq 5
check "jsonl order and ids" 1 $rc node -e "
const lines=require('fs').readFileSync('$tmp/batch.out','utf8').trim().split('\n').map(JSON.parse);
const ok = lines[0].article.text.includes('curfew') && lines[1].id==='b' && lines[1].article.text.includes('Second')
  && lines[2].errors[0].code==='invalid_options' && lines[3].id===7 && lines[3].format==='html'
  && lines[4].id==='e' && lines[4].errors[0].code==='empty_input';
process.exit(ok?0:1)"
check "jsonl bad line message" 1 $rc contains "$tmp/err" "line 3: not valid JSON"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
