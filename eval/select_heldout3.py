"""Draw the third held-out set: seed 20261201, articles in no gold file, >= 2 common cues, <= 3,000 characters, <= 2 per outlet."""
import json, random, re
rows=[json.loads(l) for l in open('/work/shared/data/saudinewsnet-dev.jsonl')]
used=set()
for f in ('eval/attribution_gold.jsonl','eval/attribution_heldout.jsonl','eval/attribution_heldout2.jsonl'):
    for l in open(f): used.add(json.loads(l)['url'])
COMMON=re.compile(r'(?<!\w)[وف]?(قال|قالت|أكد|أكدت|أوضح|أوضحت|أضاف|أضافت|أشار|أشارت|ذكر|ذكرت|أعلن|أعلنت)(?!\w)')
pool=[r for r in rows if r['url'] not in used and len(COMMON.findall(r['content']))>=2 and len(r['content'])<=3000]
rng=random.Random(20261201)
rng.shuffle(pool)
per={}; out=[]
for r in pool:
    if per.get(r['source'],0)>=2: continue
    per[r['source']]=per.get(r['source'],0)+1; out.append(r)
    if len(out)==10: break
for r in out: print(r['source'], r['url'], len(r['content']))
print(len(pool))
