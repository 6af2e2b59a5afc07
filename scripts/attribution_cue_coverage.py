#!/usr/bin/env python3
"""Cue coverage of the reported speech presslens misses on newsdev: of the gold indirect
attributions with no prediction near them ("no cue" in scripts/attribution_errors.py), how many
have a cue word the lexicon already knows (data/lexicon/cue_verbs.txt, attribution_nouns.txt,
the fixed forms) and which gate of cues.rs most likely turned it down, versus a cue word the
lexicon does not know.

    python scripts/attribution_cue_coverage.py            # dev
    python scripts/attribution_cue_coverage.py --train    # the 840 train articles
    python scripts/attribution_cue_coverage.py --train "--ex=noun-form gate"   # examples

The reasons re-apply cue_at's tests in order on the gold cue's first known word (an
approximation: the Rust rules see more context). The articles are copyrighted: they are read at
run time from ../shared/newsdev and only printed to the terminal. Exits 0 when absent.
"""
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / 'scripts'))
import attribution_errors as AE
import presslens
S = AE._load("score_attributions_newsdev", ROOT/'scripts'/'score_attributions_newsdev.py')
train = '--train' in sys.argv
folder = S.newsdev_dir()
if folder is None:
    print('newsdev not found (../shared/newsdev or $PRESSLENS_NEWSDEV): nothing to list')
    sys.exit(0)
scorer = S.load_scorer(folder)
path = folder / ("attributions_train.jsonl.gz" if train else "attributions_dev.jsonl")
docs = S.read_docs(path)
lines, _ = S.predict(docs)
preds = {l["doc_id"]: l["attributions"] for l in lines}
gd = {d["doc_id"]: d for d in docs}
missed, spurious, n = AE.analyse(scorer, gd, preds, ("indirect",))
# lexicon
classes = defaultdict(set)
for line in (ROOT/'data/lexicon/cue_verbs.txt').read_text().splitlines():
    line=line.strip()
    if not line or line.startswith('#'): continue
    forms, _, cl = line.partition(':')
    for f in forms.split():
        for c in cl.split(): classes[f].add(c)
nouns = set(w for w in (ROOT/'data/lexicon/attribution_nouns.txt').read_text().split() if not w.startswith('#'))
def sec(name):
    out=[]; cur=''
    for l in (ROOT/'data/lexicon/attribution_grammar.txt').read_text().splitlines():
        l=l.strip()
        if not l or l.startswith('#'): continue
        if l.startswith('['): cur=l[1:-1]; continue
        if cur==name: out+=l.split()
    return set(out)
articles = sec('article'); impers = sec('impersonal')
known_single = set(classes) | {'according','seems','seemed','appear','appears','appeared','asked','quoted'} | impers
phr_first = {k.split('_')[0] for k in classes if '_' in k} | {'call','calls','called','calling','refer','refers','referred','referring','point','points','pointed','pointing'}
TOK = re.compile(r"[\w'’-]+|[^\w\s]")
sent_cache={}
subj=sec('subject_pronoun'); dets=articles|sec('quantifier'); modal=sec('modal')|sec('verb_adverb')
WORD = re.compile(r"[\w'’-]+")
no = [m for m in missed if m[0]=='no cue']
rows=[]
EX=next((a.split('=',1)[1] for a in sys.argv if a.startswith('--ex=')), None)
NEX=25
for r, d, form, lemma, doc_id, g, best in no:
    text = gd[doc_id]["text"]
    cue_words=[]
    for a,b in g["cue"]:
        for mm in WORD.finditer(text[a:b]): cue_words.append((a+mm.start(), a+mm.end(), mm.group()))
    kn = [(a,b,w) for a,b,w in cue_words if w.lower() in known_single or w.lower() in nouns or w.lower() in phr_first]
    if not kn:
        rows.append(('unknown', lemma, form, None)); continue
    a,b,w = kn[0]; lw=w.lower()
    toks = [(m.start(), m.group()) for m in TOK.finditer(text[max(0,a-80):a+60])]
    base0 = max(0,a-80)
    idx = next((i for i,(s0,t) in enumerate(toks) if base0+s0==a), None)
    prevt = toks[idx-1][1] if idx and idx>0 else ''
    nextt = toks[idx+1][1] if idx is not None and idx+1 < len(toks) else ''
    prevw = prevt.lower(); nextw = nextt.lower()
    isw = lambda t: bool(t) and bool(re.match(r"[\w]", t))
    cl = classes.get(lw, set())
    sents = sent_cache.setdefault(doc_id, [(x.start, x.end) for x in presslens.split_sentences(text)])
    sent = next(((x,y) for x,y in sents if x <= a < y), None)
    taken = sent and any(p["type"]=="direct" and p["content_start"] < sent[1] and sent[0] < p["content_end"] for p in preds[doc_id])
    in_quote = text[max(0,sent[0] if sent else 0):a].count('"')%2==1 or text[max(0,sent[0] if sent else 0):a].count('“') > text[max(0,sent[0] if sent else 0):a].count('”')
    def noun_ok():
        after_subject = isw(prevt) and (prevt[0].isupper() or prevw in subj)
        object_follows = (isw(nextt) and (nextt[0].isupper() or nextw in dets or nextw in subj or nextw.isnumeric())) or nextw in ('that','to')
        clause_ends = (not isw(nextt)) and nextt not in ('"','“','”')
        plural = prevw.endswith('s') and not prevw.endswith('ss') and isw(prevt)
        if not (after_subject or object_follows or (clause_ends and plural)): return False
        base = not (lw.endswith('s') or lw.endswith('ed') or lw.endswith('ing'))
        if base and not after_subject and not (plural or prevw in modal): return False
        return True
    if taken: reason='sentence taken by a direct quote'
    elif in_quote: reason='inside quotation marks'
    elif w[0].isupper(): reason='capitalised'
    elif lw in nouns and not cl: reason = 'noun cue, not "possessive N that"'
    elif prevw in articles or prevw=='to': reason = 'after article/"to"'
    elif cl and cl <= {'quote','quote_weak','quote_to'}: reason='quote-only class'
    elif 'noun' in cl and not noun_ok(): reason='noun-form gate (not after subject/before object)'
    elif cl and cl - {'noun','quote','quote_weak','quote_to'} <= {'that'} and nextw not in ('that','whether','if'): reason='"that" class w/o that/whether/if'
    elif cl and cl - {'noun','quote','quote_weak','quote_to'} <= {'infinitive'} and nextw!='to': reason='infinitive class w/o to'
    else: reason='cue fires; clause rule rejected (source/content/position)'
    rows.append(('known', lemma, form, reason))
    if EX and reason.startswith(EX) and len([1 for r in rows if r[3] and r[3].startswith(EX)])<=NEX:
        print('-', form, repr(g['cue_text']), 'src=', repr(g['source_text'])[:60], '\n   gold:', repr(text[g['content_start']:g['content_end']][:150]), '\n   ctx:', repr(text[max(0,g['content_start']-120):g['content_end']+20][:330]))
c = Counter(r[0] for r in rows)
print(path.name, 'indirect missed', len(missed), 'no cue', len(no), dict(c))
print('\nknown: reasons'); 
for k,v in Counter(r[3] for r in rows if r[0]=='known').most_common(): print(f'  {v:5d} {k}')
print('\nknown: lemmas'); print('  ', Counter(r[1] for r in rows if r[0]=='known').most_common(50))
print('\nunknown: lemmas'); print('  ', Counter(r[1] for r in rows if r[0]=='unknown').most_common(120))
print('\nunknown: forms'); print('  ', Counter(r[2] for r in rows if r[0]=='unknown').most_common())
print('\nknown: forms'); print('  ', Counter(r[2] for r in rows if r[0]=='known').most_common())
print()
by=defaultdict(Counter)
for r in rows:
    if r[0]=='known': by[r[3]][r[1]]+=1
for k,c in by.items(): print(k, '::', c.most_common(14))
