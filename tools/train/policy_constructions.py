#!/usr/bin/env python3
"""Invented training sentences for the policy models, one family per grammatical construction.

policy-train (political, business and technology news) holds few examples of constructions that arms,
sanctions and regulation reporting uses all the time: a ban that continues ("still forbids X from V-ing"),
an exemption from a restriction, a decision that lifts a restriction stated in a relative clause, a permission
announced as in force, a proposal to extend one. With one or two examples each, the learned models cannot
tell them apart. This script writes sentences of those constructions, annotated under policy-dev's README
conventions, from invented actors, parties and actions (no corpus sentence is copied or paraphrased), plus
hard negatives of the same shapes (software that "lets" users do something, "allowed" as conceded).

`train policy --extra` adds them to the training side of every fold: they are never scored, so the
cross-validated figures stay a measure on real sentences only.

    tools/train/policy_constructions.py > build/policy_constructions.jsonl    (deterministic: fixed seed)
"""
import json
import random
import sys

RNG = random.Random(20261205)

ACTORS = ['The government', 'The council', 'The ministry', 'The regulator', 'The federal court', 'The agency',
          'The league', 'The defence ministry', 'The city authority', 'The port authority', 'Parliament',
          'The commission', 'The cabinet', 'The school board', 'The central bank', 'The trade ministry',
          'The government of Valmora', 'Tessaly', 'The Ardenian cabinet', 'Governor Ruth Okafor',
          'The health department', 'The aviation authority', 'The state legislature', 'The mayor']
PARTIES = ['farmers', 'local traders', 'foreign journalists', 'the two airlines', 'private clinics',
           'delivery drivers', 'tour operators', 'the army', 'state-owned banks', 'fishing boats',
           'the neighbouring country', 'its allies', 'refugee families', 'small breweries', 'licensed dealers',
           'the rebel group', 'river barges', 'energy firms', 'street vendors', 'cargo ships']
# (base form, -ing form, object): the action is "V object" or "V-ing object".
ACTIONS = [('use', 'using', 'the donated tanks against targets across the border'),
           ('sell', 'selling', 'raw milk at weekend markets'),
           ('export', 'exporting', 'grain through the northern ports'),
           ('fly', 'flying', 'drones over the harbour'),
           ('import', 'importing', 'used cars from abroad'),
           ('build', 'building', 'houses on the flood plain'),
           ('fire', 'firing', 'rockets at positions inside the buffer zone'),
           ('hold', 'holding', 'rallies in the central square'),
           ('fish', 'fishing', 'in the protected bay'),
           ('ship', 'shipping', 'fuel to the island'),
           ('operate', 'operating', 'night flights from the city airport'),
           ('strike', 'striking', 'military depots near the frontier'),
           ('open', 'opening', 'casinos in the old port'),
           ('carry', 'carrying', 'weapons on public transport'),
           ('charge', 'charging', 'fees for cash withdrawals'),
           ('enter', 'entering', 'the restricted zone')]
THINGS = ['long-range missiles', 'cluster munitions', 'menthol cigarettes', 'single-use plastic bags',
          'gas-powered leaf blowers', 'exports of rare metals', 'overnight parking on the seafront',
          'short-term rentals', 'imports of chicken', 'the sale of energy drinks', 'night fishing',
          'attack drones', 'crypto mining', 'steel imports', 'live animal exports', 'arms sales']
RESTRICTIONS = ['ban', 'restriction', 'embargo', 'curfew', 'moratorium']
SCOPES = ['in the capital', 'until the end of March', 'only on weekends', 'for six months',
          'near the eastern border', 'within 20 kilometres of the coast', 'during the summer season',
          'in three northern provinces', 'from next month', 'only in emergencies']
TAILS = ['', '', '', ', officials said', ', the minister said on Tuesday', ', according to a statement',
         ', a spokesperson confirmed']


def pick(items):
    return RNG.choice(items)


def cap(s):
    return s[:1].upper() + s[1:]


def record(text, provisions):
    for p in provisions:
        for key in ('action', 'actor', 'subject'):
            if p.get(key) is not None:
                assert p[key] in text, (p[key], text)
        for s in p.get('scopes', []):
            assert s in text, (s, text)
    return {'text': text, 'provisions': provisions}


def provision(status, action, actor=None, subject=None, scopes=None):
    return {'status': status, 'action': action, 'actor': actor, 'subject': subject, 'scopes': scopes or []}


def with_scope(core, scope_chance=0.4):
    """`core` with an optional scope phrase after it; returns (text, scopes)."""
    if RNG.random() < scope_chance:
        scope = pick(SCOPES)
        return f'{core} {scope}', [scope]
    return core, []


# Each family returns one annotated record.

def continuing_ban():
    actor, party = pick(ACTORS), pick(PARTIES)
    _, ing, obj = pick(ACTIONS)
    verb = pick(['still forbids', 'still bars', 'still bans', 'continues to bar', 'continues to forbid',
                 'still prohibits'])
    action = f'{ing} {obj}'
    return record(f'{actor} {verb} {party} from {action}{pick(TAILS)}.',
                  [provision('prohibited', action, actor, party)])


def continuing_ban_passive():
    party = pick(PARTIES)
    base, ing, obj = pick(ACTIONS)
    form = RNG.randrange(4)
    if form == 0:
        action = f'{ing} {obj}'
        text = f'{cap(party)} remain barred from {action}{pick(TAILS)}.'
    elif form == 1:
        action = f'{ing} {obj}'
        text = f'{cap(party)} are still banned from {action}{pick(TAILS)}.'
    elif form == 2:
        action = f'{base} {obj}'
        text = f'{cap(party)} still cannot {action}{pick(TAILS)}.'
    else:
        action = f'{base} {obj}'
        text = f'{cap(party)} are still not allowed to {action}{pick(TAILS)}.'
    return record(text, [provision('prohibited', action, None, cap(party))])


def continuing_ban_noun():
    thing = pick(THINGS)
    form = RNG.randrange(3)
    if form == 0:
        text = f'The {pick(RESTRICTIONS)} on {thing} remains in force{pick(TAILS)}.'
    elif form == 1:
        thing = cap(thing)
        text = f'{thing} remain banned{pick(TAILS)}.'
    else:
        text = f'{pick(ACTORS)} kept its {pick(RESTRICTIONS)} on {thing} in place{pick(TAILS)}.'
    return record(text, [provision('prohibited', thing)])


def new_ban():
    actor, party = pick(ACTORS), pick(PARTIES)
    _, ing, obj = pick(ACTIONS)
    day = pick(['on Monday', 'last week', 'on Friday', 'in June', 'this morning'])
    action = f'{ing} {obj}'
    verb = pick(['banned', 'barred', 'prohibited', 'forbade'])
    return record(f'{actor} {verb} {party} from {action} {day}{pick(TAILS)}.',
                  [provision('imposed', action, actor, party, [day] if day.startswith('in ') else [])])


def new_ban_noun():
    actor, thing = pick(ACTORS), pick(THINGS)
    core, scopes = with_scope(f'{actor} {pick(["imposed a ban on", "introduced a ban on", "banned"])} {thing}')
    return record(f'{core}{pick(TAILS)}.', [provision('imposed', thing, actor, None, scopes)])


def freeze():
    actor, party = pick(ACTORS), pick(['five officials', 'two shipping firms', 'the trading company',
                                        'three oligarchs', 'the militia leaders'])
    return record(f'{actor} froze the assets of {party}{pick(TAILS)}.',
                  [provision('imposed', 'the assets', actor, party)])


def permission():
    actor, party = pick(ACTORS), pick(PARTIES)
    base, _, obj = pick(ACTIONS)
    verb = pick(['has allowed', 'allowed', 'lets', 'has authorised', 'authorised', 'has permitted',
                 'permitted', 'gave permission to', 'has given'])
    action = f'{base} {obj}'
    if verb == 'has given':
        text = f'{actor} has given {party} permission to {action}'
    elif verb == 'gave permission to':
        text = f'{actor} gave {party} permission to {action}'
    elif verb == 'lets':
        text = f'{actor} lets {party} {action}'  # "let" takes the bare infinitive
    else:
        text = f'{actor} {verb} {party} to {action}'
    return record(f'{text}{pick(TAILS)}.', [provision('allowed', action, actor, party)])


def permission_passive():
    party = pick(PARTIES)
    base, _, obj = pick(ACTIONS)
    action = f'{base} {obj}'
    verb = pick(['are now allowed to', 'may now', 'can now', 'have been cleared to', 'are permitted to'])
    core, scopes = with_scope(f'{cap(party)} {verb} {action}')
    return record(f'{core}{pick(TAILS)}.', [provision('allowed', action, None, cap(party), scopes)])


def proposal():
    actor, party = pick(ACTORS), pick(PARTIES)
    base, ing, obj = pick(ACTIONS)
    form = RNG.randrange(5)
    if form == 0:
        verb = pick(['wants to', 'plans to', 'has promised to', 'is expected to', 'threatened to'])
        action = f'{ing} {obj}'
        text = f'{actor} {verb} {pick(["ban", "bar"])} {party} from {action}'
        subject = party
    elif form == 1:
        action = f'{base} {obj}'
        text = f'A draft law would allow {party} to {action}'
        actor, subject = 'A draft law', party
    elif form == 2:
        action = f'{ing} {obj}'
        text = f'{actor} proposed barring {party} from {action}'
        subject = party
    elif form == 3:
        action = f'{base} {obj}'
        text = f'{actor} is considering whether to let {party} {action}'
        subject = party
    else:
        thing = pick(THINGS)
        action = thing
        text = f'{actor} {pick(["called for", "proposed", "voted to seek", "is pushing for"])} a ban on {thing}'
        subject = None
    return record(f'{text}{pick(TAILS)}.', [provision('proposed', action, actor, subject)])


def proposal_to_extend():
    who = pick(['Opposition lawmakers', 'Campaigners', 'Industry groups', 'Several members of the council',
                'The union'])
    thing = pick(THINGS)
    verb = pick(['proposed extending the', 'called for widening the', 'urged the government to extend the',
                 'asked for a longer'])
    rest = pick(RESTRICTIONS)
    place = pick(['to the whole country', 'to all ports', 'to every district', 'beyond the capital'])
    text = f'{who} {verb} {rest} on {thing} {place}{pick(TAILS)}.'
    return record(text, [provision('proposed', thing, who, None, [place])])


def lifted():
    actor, thing = pick(ACTORS), pick(THINGS)
    form = RNG.randrange(4)
    if form == 0:
        text = f'{actor} lifted the {pick(RESTRICTIONS)} on {thing}'
    elif form == 1:
        text = f'{actor} ended its {pick(RESTRICTIONS)} on {thing}'
    elif form == 2:
        text = f'{actor} scrapped the {pick(RESTRICTIONS)} on {thing}'
    else:
        text = f'{actor} legalised {thing}'
    core, scopes = with_scope(text, 0.3)
    return record(f'{core}{pick(TAILS)}.', [provision('lifted', thing, actor, None, scopes)])


def lifted_relative():
    party = pick(PARTIES)
    _, ing, obj = pick(ACTIONS)
    action = f'{ing} {obj}'
    lead = pick(['The decision lifts', 'The ruling removes', 'The move ends', 'The new rules drop'])
    rest = pick(['a restriction', 'a ban', 'the rule', 'an order'])
    kept = pick(['had kept', 'had stopped', 'had barred', 'had prevented'])
    return record(f'{lead} {rest} that {kept} {party} from {action}.',
                  [provision('lifted', action, None, party)])


def exemption():
    party = pick(PARTIES)
    rest = pick(['the ban', 'the new tax', 'the curfew', 'the export restrictions', 'the quota'])
    form = RNG.randrange(3)
    if form < 2:
        be = 'are' if form == 0 else 'will be'
        return record(f'{cap(party)} {be} exempt from {rest}{pick(TAILS)}.',
                      [provision('excluded', rest, None, cap(party))])
    return record(f'{cap(rest)} does not apply to {party}{pick(TAILS)}.',
                  [provision('excluded', cap(rest), None, party)])


def not_covered():
    ref = pick(['The decision', 'The permission', 'The ruling', 'The order', 'The new rule'])
    thing = pick(THINGS)
    verb = pick(['does not cover', 'does not extend to', 'does not apply to', 'leaves out'])
    return record(f'{ref} {verb} {thing}{pick(TAILS)}.', [provision('excluded', thing, None, None)])


def negative_ability():
    app = pick(['The app', 'The new phone', 'The website', 'The software update', 'The tool', 'The camera'])
    verb = pick(['lets', 'allows', 'lets users', 'allows customers to'])
    pick(ACTIONS[:6])  # an unused draw, kept so that the seeded sentences stay those the models learnt from
    thing = pick(['stream live radio', 'track their spending', 'edit videos on the go',
                  'book tickets in seconds', 'compare prices', 'scan receipts'])
    if verb in ('lets', 'allows'):
        text = f'{app} {verb} you {thing}.' if verb == 'lets' else f'{app} allows you to {thing}.'
    else:
        text = f'{app} {verb} {thing}.'
    return record(text, [])


def negative_other():
    who = pick(['The striker', 'The coach', 'The minister', 'The candidate', 'The chief executive'])
    form = RNG.randrange(5)
    if form == 0:
        text = f'{who} allowed that mistakes had been made.'
    elif form == 1:
        text = f'A late goal allowed {pick(["the visitors", "the home side"])} to win the match.'
    elif form == 2:
        text = f'{who} met reporters at a hotel bar near the station.'
    elif form == 3:
        text = f'{who} said the weather could stop the race from going ahead.'
    else:
        text = f'{who} was cleared of wrongdoing after a long inquiry.'
    return record(text, [])


FAMILIES = [(continuing_ban, 30), (continuing_ban_passive, 24), (continuing_ban_noun, 15), (new_ban, 20),
            (new_ban_noun, 15), (freeze, 8), (permission, 30), (permission_passive, 15), (proposal, 30),
            (proposal_to_extend, 12), (lifted, 20), (lifted_relative, 15), (exemption, 18), (not_covered, 12),
            (negative_ability, 20), (negative_other, 20)]


def main():
    seen = set()
    n = 0
    for family, count in FAMILIES:
        made = 0
        for _ in range(count * 20):
            if made == count:
                break
            r = family()
            if r['text'] in seen:
                continue
            seen.add(r['text'])
            made += 1
            n += 1
            r = {'id': f'construction{n:04d}', 'source': f'construction:{family.__name__}:{made % 5}', **r}
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main()
