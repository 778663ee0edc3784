#!/usr/bin/env python3
"""Unannotated English text for the policy detector's self-training (train policy --unlabelled).

usage: policy_unlabelled.py CORPORA_DIR ARTICLESCOPE_CLI > OUT.jsonl

Writes one JSON line {"id", "source", "text"} per sentence or paragraph, in a fixed order, from the corpora
beside the project (never copied into it; the output is a build artefact, not committed):
  - conll2003/eng.train: the tokens of each sentence of six words or more, joined back into text, but for
    lines in capitals (Reuters news, 1996);
  - ud-english/*.conllu: the '# text' line of each sentence of six words or more (web text);
  - the article text the project's cleaner finds in the pages of trafilatura-dev and readability-pages that
    are English (web news; one line per page).
No annotation of any of them is read. Deterministic: files in sorted order, no randomness.
"""
import gzip
import json
import os
import re
import subprocess
import sys

ENGLISH = {'the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'on', 'was'}


def conll_sentences(path):
    for source, text in conll_raw(path):
        if not text.isupper():  # headlines and tables in capitals
            yield source, text


def conll_raw(path):
    doc, words = 0, []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('-DOCSTART-') or not line.strip():
                if len(words) >= 6:
                    yield f'conll{doc}', detokenise(words)
                words = []
                doc += line.startswith('-DOCSTART-')
                continue
            words.append(line.split(' ')[0])
    if len(words) >= 6:
        yield f'conll{doc}', detokenise(words)


def detokenise(words):
    t = ' '.join(words)
    t = re.sub(r' ([.,;:!?%)\]])', r'\1', t)
    t = re.sub(r'([(\[$]) ', r'\1', t)
    return re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r'\1', t)


def ud_sentences(path):
    doc = os.path.basename(path)
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('# newdoc id'):
                doc = line.split('=', 1)[1].strip()
            elif line.startswith('# text = '):
                text = line[9:].strip()
                if len(text.split()) >= 6:
                    yield doc, text


def page_articles(corpora, cli):
    """The article text the project's own cleaner (`cli clean`) finds in each page of the two page corpora,
    for the pages it reads as English (their declared language, or common English words when none)."""
    lines = []
    for corpus in ('trafilatura-dev', 'readability-pages'):
        folder = os.path.join(corpora, corpus, 'pages')
        if not os.path.isdir(folder):
            print(f'policy_unlabelled: {folder} not found, left out', file=sys.stderr)
            continue
        for name in sorted(os.listdir(folder)):
            with gzip.open(os.path.join(folder, name)) as f:
                page = f.read().decode('utf-8', 'replace')
            lines.append(json.dumps({'id': f'{corpus}:{name}', 'html': page}))
    proc = subprocess.run([cli, 'clean', '--jsonl', '--jobs', '1', '--no-html', '--no-removed', '--no-timings'],
                          input='\n'.join(lines) + '\n', capture_output=True, text=True, check=False)
    for line in proc.stdout.splitlines():
        out = json.loads(line)
        article = out.get('article') or {}
        text, lang = article.get('text') or '', (article.get('lang') or '').lower()
        words = text.lower().split()
        if len(words) < 50:
            continue
        if lang.startswith('en') or (not lang and sum(w in ENGLISH for w in words) >= 0.1 * len(words)):
            yield out['id'], text


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    corpora, cli = sys.argv[1], sys.argv[2]
    n = 0

    def emit(source, text):
        nonlocal n
        print(json.dumps({'id': f'u{n}', 'source': source, 'text': text}, ensure_ascii=False))
        n += 1

    conll = os.path.join(corpora, 'conll2003', 'eng.train')
    for source, text in conll_sentences(conll) if os.path.exists(conll) else ():
        emit(source, text)
    ud = os.path.join(corpora, 'ud-english')
    for name in sorted(os.listdir(ud)) if os.path.isdir(ud) else ():
        if name.endswith('.conllu'):
            for source, text in ud_sentences(os.path.join(ud, name)):
                emit('ud:' + source, text)
    for source, text in page_articles(corpora, cli):
        emit(source, text)
    print(f'policy_unlabelled: {n} texts', file=sys.stderr)


if __name__ == '__main__':
    main()
