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

# Issue 13: option values, messages, encodings.
for bad in -1 abc 1e6 0 "" 99999999999999999999999; do
  "$cli" analyse --max-bytes "$bad" "$tmp/a.txt" > "$tmp/o" 2> "$tmp/err"; rc=$?
  check "--max-bytes '$bad' is a usage error" 2 $rc contains "$tmp/err" "positive whole number"
done
for bad in 0 -2 two; do
  "$cli" analyse --jsonl --jobs "$bad" "$tmp/a.txt" > "$tmp/o" 2> "$tmp/err"; rc=$?
  check "--jobs '$bad' is a usage error" 2 $rc contains "$tmp/err" "--jobs"
done
"$cli" analyse --max-bytes 10 "$tmp/a.txt" > "$tmp/o.json" 2> "$tmp/err"; rc=$?
check "input_too_large says more than N bytes" 1 $rc json_check "$tmp/o.json" "r.errors[0].message==='input is more than 10 bytes (max_input_bytes)'"
node -e "process.stdout.write(Buffer.from('<p>The harbour board allowed the ferry to sail at night.</p>', 'utf16le'))" > "$tmp/utf16le.html"
"$cli" analyse "$tmp/utf16le.html" > "$tmp/o.json" 2> "$tmp/err"; rc=$?
check "UTF-16LE without a byte order mark is decoded" 0 $rc json_check "$tmp/o.json" "r.warnings.some(w => w.code==='transcoded' && /UTF-16LE without a byte order mark/.test(w.message)) && r.article.text.includes('harbour board allowed')"
node -e "const b=Buffer.from('The harbour board allowed the ferry to sail at night.', 'utf16le').swap16(); process.stdout.write(b)" > "$tmp/utf16be.txt"
"$cli" analyse "$tmp/utf16be.txt" > "$tmp/o.json" 2> "$tmp/err"; rc=$?
check "UTF-16BE without a byte order mark is decoded" 0 $rc json_check "$tmp/o.json" "r.article.text.includes('harbour board allowed')"
printf '<a href="x">Harbour plan</a><link rel="canonical" href="javascript://%%0aalert(1)//"><p>The harbour board approved the plan for the quay.</p>' > "$tmp/js.html"
"$cli" clean --url 'javascript:alert(1)//' "$tmp/js.html" > "$tmp/o.json" 2> "$tmp/err"; rc=$?
check "no javascript: base, link or canonical URL" 0 $rc json_check "$tmp/o.json" "!JSON.stringify(r).includes('javascript') && r.article.canonical_url===null"
printf '<html><body><article><p>The harbour board on Monday approved a plan for the northern quay, the chair said, and the ferry keeps its berth.<img src="https://images.example/quay.jpg"></p></article></body></html>' > "$tmp/img.html"
"$cli" clean "$tmp/img.html" > "$tmp/o.json"; "$cli" clean --remote-images "$tmp/img.html" > "$tmp/o2.json"; rc=$?
check "remote images only with --remote-images" 0 $rc node -e "
const a=JSON.parse(require('fs').readFileSync('$tmp/o.json','utf8')), b=JSON.parse(require('fs').readFileSync('$tmp/o2.json','utf8'));
process.exit(!a.article.html.includes('<img') && b.article.html.includes('<img src=\"https://images.example/quay.jpg\">') ? 0 : 1)"

# Batch contract: one output line per input line, always.
{
  echo '"A first input: the council approved a curfew."'
  echo ''
  echo '   '
  printf '{"id": "latin", "text": "Caf\xe9 owners may open on Sundays, the council said."}\n'
  printf '{"id": "long", "text": "%s"}\n' "$(head -c 400 /dev/zero | tr '\0' a)"
  printf '"no newline at the end"'
} > "$tmp/contract.jsonl"
"$cli" analyse --jsonl --max-bytes 300 "$tmp/contract.jsonl" > "$tmp/contract.out" 2> "$tmp/err"; rc=$?
check "jsonl: every line gets an output line" 1 $rc test "$(wc -l < "$tmp/contract.out")" -eq 6
check "jsonl: blank, invalid UTF-8 and over-cap lines" 1 $rc node -e "
const l=require('fs').readFileSync('$tmp/contract.out','utf8').trim().split('\n').map(JSON.parse);
const ok = l[0].article.text.includes('curfew')
  && l[1].errors[0].code==='empty_input' && l[1].errors[0].message==='line 2: the line is blank'
  && l[2].errors[0].code==='empty_input'
  && l[3].id==='latin' && l[3].errors.length===0 && l[3].warnings.some(w => w.code==='invalid_utf8') && l[3].article.text.includes('Caf\ufffd owners')
  && l[4].id==='long' && l[4].errors[0].code==='input_too_large' && l[4].errors[0].message==='line 5: the line is more than 300 bytes (max_input_bytes)'
  && l[5].article.text.includes('no newline');
process.exit(ok?0:1)"
# The line cap holds while reading: a 300 MB line is never buffered whole.
cat > "$tmp/long_line.py" <<'PY'
import resource, subprocess, sys
cli = sys.argv[1]
run = subprocess.Popen([cli, 'analyse', '--jsonl', '--max-bytes', '1000000'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
run.stdin.write(b'{"id": 9, "text": "')
chunk = b'a' * (1 << 20)
for _ in range(300):
    run.stdin.write(chunk)
run.stdin.write(b'"}\n')
run.stdin.close()
lines = run.stdout.read().decode().splitlines()
run.wait()
peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print('peak RSS of the CLI on a 300 MB line: %.0f MB' % peak_mb)
sys.exit(0 if len(lines) == 1 and lines[0].startswith('{"id":9,') and '"input_too_large"' in lines[0] and peak_mb < 150 else 1)
PY
check "jsonl: a 300 MB line is refused without being held in memory" 0 0 python3 "$tmp/long_line.py" "$cli"

# --jobs: the same output in the same order as one job; the first result comes before the input ends.
for i in $(seq 1 24); do
  echo "{\"id\": $i, \"text\": \"Report $i: the council of district $i allowed markets on Sundays but banned cars in the old town.\"}"
done > "$tmp/many.jsonl"
"$cli" analyse --jsonl --no-timings --jobs 1 "$tmp/many.jsonl" > "$tmp/one.out"
"$cli" analyse --jsonl --no-timings --jobs 3 "$tmp/many.jsonl" > "$tmp/three.out"; rc=$?
check "--jobs 3 gives the output of --jobs 1, in order" 0 $rc cmp -s "$tmp/one.out" "$tmp/three.out"
check "--jobs: output lines keep the input's ids in order" 0 $rc node -e "
const ids=require('fs').readFileSync('$tmp/three.out','utf8').trim().split('\n').map(l => JSON.parse(l).id);
process.exit(ids.length===24 && ids.every((id, k) => id===k+1) ? 0 : 1)"
streaming() {  # the first report must arrive while the input is still open
  local jobs="$1" first=""
  coproc BATCH { "$cli" analyse --jsonl --no-timings --jobs "$jobs"; }
  local pid=$BATCH_PID
  echo '"The first input: the council approved a curfew."' >&"${BATCH[1]}"
  read -r -t 60 first <&"${BATCH[0]}"
  echo '"The second input."' >&"${BATCH[1]}"
  exec {BATCH[1]}>&-
  cat <&"${BATCH[0]}" > /dev/null
  wait "$pid" 2> /dev/null
  [[ "$first" == *curfew* ]]
}
check "--jobs 1 streams: a result before the input ends" 0 0 streaming 1
check "--jobs 2 streams: a result before the input ends" 0 0 streaming 2

# Split into parts, run the parts in parallel (GNU parallel, as the README shows), join: the same output.
if command -v parallel > /dev/null; then
  mkdir "$tmp/parts"
  split -n l/4 -d "$tmp/many.jsonl" "$tmp/parts/part."
  parallel --will-cite -k "$cli" analyse --jsonl --no-timings --jobs 1 {} ::: "$tmp"/parts/part.* > "$tmp/joined.out"; rc=$?
  check "GNU parallel over 4 parts joins to the single run" 0 $rc cmp -s "$tmp/one.out" "$tmp/joined.out"
  parallel --will-cite --pipe -k -N 5 "$cli" analyse --jsonl --no-timings --jobs 1 < "$tmp/many.jsonl" > "$tmp/piped.out"; rc=$?
  check "GNU parallel --pipe (as a cluster engine pipes lines) joins to the single run" 0 $rc cmp -s "$tmp/one.out" "$tmp/piped.out"
else
  echo "FAIL GNU parallel is not installed (scripts/setup.sh installs it)"; failures=$((failures + 1))
fi

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
