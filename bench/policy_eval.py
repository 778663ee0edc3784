#!/usr/bin/env python3
"""Evaluate the policy stage on annotated sentences: runs `articlescope policy --jsonl` and scores it, and
(--cv) the cross-validated estimate over the training corpus.

usage: bench/policy_eval.py [SENTENCES.jsonl] [--bin build/native/articlescope] [--pred OUT.jsonl]
                            [--errors] [--json] [--cv [TRAIN.jsonl]] [--trainer build/native/tools/train_policy]

SENTENCES lines: {"id", "text", "provisions": [{"status", "action", "actor", "subject", "scopes"}]}
(default: ../shared/corpora/policy-dev/sentences.jsonl; skipped with a message when absent).

Metric (the same as the shared reference scorer policy_score.py, implemented here independently):
a predicted provision matches a gold one in the same sentence when the statuses are equal and the
action strings share at least 50% of the lower-cased \\w+ tokens of the shorter one (multiset overlap);
pairs are matched one-to-one, greedily by overlap. Printed: per-status P/R/F1, micro and macro F1,
sentence-level "has a provision" accuracy, token F1 of actor / subject / scopes over matched pairs, the
coarse two-column view (allowed+lifted / prohibited+imposed+excluded / proposed), the same numbers for a
keyword anchor run in the same process, and whether the issue's goals are met.
--pred writes the predictions in the reference scorer's format, to cross-check with policy_score.py.
--errors lists the sentences where prediction and gold differ.
--cv also runs the trainer's 5-fold cross-validation over the training corpus (default
../shared/corpora/policy-train/sentences.jsonl; documents kept whole within a fold, the shipped training
settings) and scores the held-out predictions with this scorer: the honest estimate of the policy stage on
text it has never seen. policy-dev is never trained on.
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter

STATUSES = ['allowed', 'prohibited', 'excluded', 'lifted', 'imposed', 'proposed']
COARSE = {'allowed': 'permitted', 'lifted': 'permitted', 'prohibited': 'restricted', 'imposed': 'restricted',
          'excluded': 'restricted', 'proposed': 'proposed'}
GOALS = {'micro_F1': 0.75, 'cv_micro_F1': 0.75, 'cv_coarse_F1': 0.80}
WORD = re.compile(r'\w+')
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def words(s):
    return WORD.findall(s.lower()) if s else []


def action_overlap(a, b):
    ta, tb = Counter(words(a)), Counter(words(b))
    shorter = min(sum(ta.values()), sum(tb.values()))
    return sum((ta & tb).values()) / shorter if shorter else 0.0


def token_f1(gold, pred):
    tg, tp = Counter(words(gold)), Counter(words(pred))
    ng, np_ = sum(tg.values()), sum(tp.values())
    if ng == 0 and np_ == 0:
        return 1.0
    common = sum((tg & tp).values())
    if ng == 0 or np_ == 0 or common == 0:
        return 0.0
    p, r = common / np_, common / ng
    return 2 * p * r / (p + r)


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match_sentence(gold, pred):
    """One-to-one greedy matching by action overlap among same-status pairs; returns [(gi, pi)]."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g['status'] == p.get('status'):
                o = action_overlap(g['action'], p.get('action') or '')
                if o >= 0.5:
                    pairs.append((-o, gi, pi))
    pairs.sort()
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def score(records, predictions):
    tp, fp, fn = Counter(), Counter(), Counter()
    agree = 0
    attributes = {'actor': [], 'subject': [], 'scopes': []}
    for rec in records:
        gold, pred = rec['provisions'], predictions.get(rec['id'], [])
        agree += bool(gold) == bool(pred)
        matched = match_sentence(gold, pred)
        for gi, pi in matched:
            g, p = gold[gi], pred[pi]
            tp[g['status']] += 1
            attributes['actor'].append(token_f1(g.get('actor'), p.get('actor')))
            attributes['subject'].append(token_f1(g.get('subject'), p.get('subject')))
            attributes['scopes'].append(token_f1(' '.join(g.get('scopes') or []), ' '.join(p.get('scopes') or [])))
        for gi in set(range(len(gold))) - {m[0] for m in matched}:
            fn[gold[gi]['status']] += 1
        for pi in set(range(len(pred))) - {m[1] for m in matched}:
            fp[pred[pi].get('status')] += 1
    per_status = {}
    for st in [s for s in STATUSES if tp[s] + fp[s] + fn[s]]:
        p, r, f = prf(tp[st], fp[st], fn[st])
        per_status[st] = {'P': p, 'R': r, 'F1': f, 'gold': tp[st] + fn[st], 'pred': tp[st] + fp[st]}
    mp, mr, mf = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    attr = {k: (sum(v) / len(v) if v else 0.0) for k, v in attributes.items()}
    return {'per_status': per_status, 'micro': {'P': mp, 'R': mr, 'F1': mf},
            'macro_F1': sum(v['F1'] for v in per_status.values()) / len(per_status) if per_status else 0.0,
            'has_provision_accuracy': agree / len(records) if records else 0.0,
            'matched': sum(tp.values()), 'attribute_F1': attr,
            'attribute_mean_F1': sum(attr.values()) / len(attr)}


def coarse_score(records, predictions):
    c = lambda ps: [dict(p, status=COARSE.get(p.get('status'), p.get('status'))) for p in ps]
    return score([dict(r, provisions=c(r['provisions'])) for r in records],
                 {k: c(v) for k, v in predictions.items()})['micro']


# The keyword anchor: permit verbs -> allowed, prohibit verbs -> prohibited, action = rest of the sentence.
PERMIT = re.compile(r"\b(allow(s|ed|ing)?|permit(s|ted|ting)?|authori[sz](e|es|ed|ing)|approv(e|es|ed|ing)|"
                    r"legali[sz](e|es|ed|ing)|exempt(s|ed|ing)?|waiv(e|es|ed|ing)|lift(s|ed|ing)?|"
                    r"clear(s|ed)|green-?light(s|ed)?)\b", re.I)
PROHIBIT = re.compile(r"\b(ban(s|ned|ning)?|bar(s|red|ring)|prohibit(s|ed|ing)?|forb(id|ids|ade|idden|idding)|"
                      r"restrict(s|ed|ing)?|block(s|ed|ing)?|sanction(s|ed|ing)?|embargo(es|ed)?|"
                      r"outlaw(s|ed|ing)?|suspend(s|ed|ing)?|revok(e|es|ed|ing)|veto(es|ed|ing)?)\b", re.I)


def keyword_anchor(text):
    out = []
    for rx, status in ((PERMIT, 'allowed'), (PROHIBIT, 'prohibited')):
        for m in rx.finditer(text):
            rest = text[m.end():].strip(' \t.,;:!?"\'\u201c\u201d\u2019')
            if rest:
                out.append({'status': status, 'action': rest, 'actor': None, 'subject': None, 'scopes': []})
    return out


def run_cli(binary, records):
    lines = ''.join(json.dumps({'id': r['id'], 'text': r['text']}, ensure_ascii=False) + '\n' for r in records)
    proc = subprocess.run([binary, 'policy', '--jsonl', '--no-timings'], input=lines.encode('utf-8'),
                          capture_output=True, check=False)
    if proc.returncode not in (0, 1):
        sys.exit(f'{binary} failed with status {proc.returncode}: {proc.stderr.decode(errors="replace")[:500]}')
    predictions = {}
    for line in proc.stdout.decode('utf-8').splitlines():
        if not line.strip():
            continue
        report = json.loads(line)
        provs = []
        for p in (report.get('policy') or {}).get('provisions', []):
            text_of = lambda k: (p.get(k) or {}).get('text')
            provs.append({'status': p['status'], 'action': text_of('action') or '', 'actor': text_of('actor'),
                          'subject': text_of('subject'), 'scopes': [s['text'] for s in p.get('scopes', [])],
                          'flags': p.get('flags', [])})
        predictions[report.get('id')] = provs
    return predictions


def print_report(name, res, coarse):
    print(f'== {name}')
    print(f"{'status':<11}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'pred':>6}")
    for st, v in res['per_status'].items():
        print(f"{st:<11}{v['P']:7.3f}{v['R']:7.3f}{v['F1']:7.3f}{v['gold']:6d}{v['pred']:6d}")
    m, a = res['micro'], res['attribute_F1']
    print(f"micro P/R/F1 {m['P']:.3f}/{m['R']:.3f}/{m['F1']:.3f}   macro F1 {res['macro_F1']:.3f}")
    print(f"has-provision sentence accuracy {res['has_provision_accuracy']:.3f}")
    print(f"on {res['matched']} matched pairs: actor F1 {a['actor']:.3f}  subject F1 {a['subject']:.3f}  "
          f"scopes F1 {a['scopes']:.3f}  (mean {res['attribute_mean_F1']:.3f})")
    print(f"coarse (permitted/restricted/proposed) micro P/R/F1 {coarse['P']:.3f}/{coarse['R']:.3f}/{coarse['F1']:.3f}")


def train_settings():
    """The shipped training options, read from scripts/train-policy.sh (one place states them)."""
    with open(os.path.join(ROOT, 'scripts', 'train-policy.sh'), encoding='utf-8') as f:
        for line in f:
            if line.startswith('SETTINGS='):
                return line.split('=', 1)[1].strip().strip('"').split()
    return []


def cross_validate(trainer, train_path, binary):
    """Runs the trainer's --cv 5 on the training corpus; returns (records, held-out predictions)."""
    with open(train_path, encoding='utf-8') as f:
        records = [json.loads(line) for line in f if line.strip()]
    out = os.path.join(ROOT, 'build', 'policy_cv_predictions.jsonl')
    settings = train_settings()
    if '--self-min' in settings:
        # The self-training texts, made as scripts/train-policy.sh makes them.
        unlabelled = os.path.join(ROOT, 'build', 'policy_unlabelled.jsonl')
        corpora = os.path.dirname(os.path.dirname(os.path.abspath(train_path)))
        with open(unlabelled, 'w', encoding='utf-8') as f:
            subprocess.run([sys.executable, os.path.join(ROOT, 'tools', 'train', 'policy_unlabelled.py'), corpora,
                            os.path.abspath(binary)], stdout=f, check=True)
        settings += ['--unlabelled', unlabelled]
    proc = subprocess.run([os.path.abspath(trainer), 'policy', '--train', os.path.abspath(train_path), '--cv', '5', '--pred', out] + settings,
                          capture_output=True, check=False, cwd=ROOT)
    if proc.returncode != 0:
        sys.exit(f'{trainer} failed with status {proc.returncode}: {proc.stderr.decode(errors="replace")[:500]}')
    predictions = {}
    with open(out, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                predictions[rec['id']] = rec['provisions']
    return records, predictions


def main():
    args = sys.argv[1:]
    opt = lambda name, default=None: (args[args.index(name) + 1] if name in args else default)
    binary = opt('--bin', os.path.join(ROOT, 'build', 'native', 'articlescope'))
    trainer = opt('--trainer', os.path.join(ROOT, 'build', 'native', 'tools', 'train'))
    pred_out = opt('--pred')
    cv_path = None
    if '--cv' in args:
        i = args.index('--cv')
        cv_path = args[i + 1] if i + 1 < len(args) and not args[i + 1].startswith('--') else os.path.join(
            ROOT, '..', 'shared', 'corpora', 'policy-train', 'sentences.jsonl')
    positional = [a for i, a in enumerate(args) if not a.startswith('--') and (i == 0 or args[i - 1] not in
                                                                                ('--bin', '--pred', '--cv',
                                                                                 '--trainer'))]
    path = positional[0] if positional else os.path.join(ROOT, '..', 'shared', 'corpora', 'policy-dev',
                                                          'sentences.jsonl')
    if not os.path.exists(path):
        print(f'policy_eval: {path} not found; skipping (the dev corpus lives outside the repository)')
        return 0
    if not os.path.exists(binary):
        print(f'policy_eval: {binary} not found; build it first (scripts/build.sh)')
        return 2
    with open(path, encoding='utf-8') as f:
        records = [json.loads(line) for line in f if line.strip()]
    predictions = run_cli(binary, records)
    if pred_out:
        with open(pred_out, 'w', encoding='utf-8') as f:
            for r in records:
                provs = [{k: p[k] for k in ('status', 'action', 'actor', 'subject', 'scopes')}
                         for p in predictions.get(r['id'], [])]
                f.write(json.dumps({'id': r['id'], 'provisions': provs}, ensure_ascii=False) + '\n')
    res = score(records, predictions)
    anchor = {r['id']: keyword_anchor(r['text']) for r in records}
    anchor_res = score(records, anchor)
    if '--json' in args:
        print(json.dumps({'articlescope': res, 'keyword_anchor': anchor_res}, indent=1))
        return 0
    print(f'{len(records)} sentences from {path}')
    print_report('articlescope policy', res, coarse_score(records, predictions))
    print_report('keyword anchor', anchor_res, coarse_score(records, anchor))
    ratio = res['micro']['F1'] / anchor_res['micro']['F1'] if anchor_res['micro']['F1'] else float('inf')
    print(f'micro F1 ratio articlescope / anchor: {ratio:.2f}x')
    checks = [('policy-dev micro F1', res['micro']['F1'], GOALS['micro_F1'])]
    if cv_path:
        if not os.path.exists(cv_path):
            print(f'policy_eval: {cv_path} not found; skipping the cross-validation')
        elif not os.path.exists(trainer):
            print(f'policy_eval: {trainer} not found; build it first (scripts/build.sh native)')
        else:
            cv_records, cv_pred = cross_validate(trainer, cv_path, binary)
            cv_res = score(cv_records, cv_pred)
            cv_coarse = coarse_score(cv_records, cv_pred)
            print(f'\n{len(cv_records)} training sentences from {cv_path}, 5-fold cross-validation (held-out folds)')
            print_report('articlescope policy, cross-validated', cv_res, cv_coarse)
            checks += [('cross-validated micro F1', cv_res['micro']['F1'], GOALS['cv_micro_F1']),
                       ('cross-validated coarse F1', cv_coarse['F1'], GOALS['cv_coarse_F1'])]
    for name, value, goal in checks:
        print(f"goal {name:<26} {value:.3f} >= {goal:.2f}  {'met' if value >= goal else 'NOT met'}")
    if '--errors' in args:
        for r in records:
            gold, pred = r['provisions'], predictions.get(r['id'], [])
            matched = match_sentence(gold, pred)
            if len(matched) == len(gold) == len(pred):
                continue
            print(f"\n{r['id']}: {r['text']}")
            for g in gold:
                print(f"  gold {g['status']:<10} action={g['action']!r} actor={g['actor']!r} subject={g['subject']!r}")
            for p in pred:
                print(f"  pred {p['status']:<10} action={p['action']!r} actor={p['actor']!r} subject={p['subject']!r}"
                      f" scopes={p['scopes']}")
    return 0


if __name__ == '__main__':
    sys.exit(main())
