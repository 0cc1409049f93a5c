"""Golden tables for English attribution (pipeline/english.py), written for this project in wire style.

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement;
`(None, None)` is an abstention. Every group fails on the English attributor it replaced (the 20-line
`_Attributor.english()` of main at 24f885a); the cases marked as guards pass on both.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.attribute import attribute
from pipeline.records import Article, Statement
from pipeline.segment import segment
from pipeline.segment_eval import compose
from tests.unit.test_attribute_phenomena import check

ROOT = Path(__file__).resolve().parents[2]


def statements(*paragraphs: str) -> list[Statement]:
    body, blocks = compose(list(paragraphs))
    return attribute(Article(title="", body=body, blocks=blocks), segment(body, blocks))


# `SUBJECT [adjunct] VERB`: a name after its titles or a role (the name is the speaker), a role or body led by a
# determiner, a bare plural of people, auxiliaries and time phrases between subject and verb. Main took every word
# before the verb for a name (`Finance Minister Karim Haddad`) and read nothing after a dateline.
PREPOSED = [
    (["Finance Minister Karim Haddad said on Tuesday the budget deficit would narrow to 6 percent of output."],
     [("Karim Haddad", "said")]),
    (["Central bank governor Tarek Amer told a news conference that the pound would stay flexible."],
     [("Tarek Amer", "told")]),
    (["Prime Minister Narendra Modi has said the elections will be held on time."], [("Narendra Modi", "said")]),
    (["RIYADH, June 3 (Reuters) - Saudi Arabia's energy ministry said on Monday it would raise crude exports in July."],
     [("Saudi Arabia's energy ministry", "said")]),
    (["LONDON, May 9 (Reuters) - British mobile operator Vodafone said on Tuesday its chief executive would "
      "step down."],
     [("Vodafone", "said")]),
    (["President Donald Trump tweeted that the talks with Beijing were going very well."],
     [("Donald Trump", "tweeted")]),
    (["U.S. District Judge Maria Lopez wrote in a 40-page ruling that the agency had acted unlawfully."],
     [("Maria Lopez", "wrote")]),
    (["The Rapid Support Forces (RSF) said its fighters had repelled an attack near the airport."],
     [("The Rapid Support Forces", "said")]),
    (["Sen. Elizabeth Warren, D-Mass., said the bank had misled its customers."], [("Elizabeth Warren", "said")]),
    (["Experts warn that the drought could worsen if the rains fail again."], [("Experts", "warn")]),
    (["The central bank, which meets next week, is expected to hold rates, economists said."],
     [("economists", "said")]),
    # guards: a body, a role with a prepositional phrase, a bare plural of people, an adjunct before the verb
    (["The ministry said exports rose 4 percent in the first quarter."], [("The ministry", "said")]),
    (["A spokesman for the ministry said the talks would resume next week."],
     [("A spokesman for the ministry", "said")]),
    (["Oil traders said supplies from the Gulf remained tight."], [("Oil traders", "said")]),
]


@pytest.mark.parametrize("case", PREPOSED)
def test_preposed(case) -> None:
    check(case)


# Appositions: `ROLE, NAME, VERB` and `NAME, APPOSITION, VERB` (an age, a role, a relative clause): the name speaks,
# the role is kept. Main split the subject at the last comma and read nothing.
APPOSITIONS = [
    (['"We are not in a hurry," the airline\'s chief executive, Karim Haddad, told reporters in Dubai.'],
     [("Karim Haddad", "told")]),
    (["Sarah Collins, an aviation analyst at a London-based consultancy, said the order was smaller than expected."],
     [("Sarah Collins", "said")]),
    (["The bank's chief economist, Mohamed Abu Basha, said inflation would peak in the summer."],
     [("Mohamed Abu Basha", "said")]),
    (["Lars Nilsson, 54, who has run the company since 2012, said he would step down in June."],
     [("Lars Nilsson", "said")]),
    (["Ahmed Hafez, the foreign ministry spokesman, said the ambassador had been summoned."],
     [("Ahmed Hafez", "said")]),
    (["Haddad, who took over as chief executive in 2014, said the airline would not seek state aid."],
     [("Haddad", "said")]),
    (["Trump, speaking at the White House, said he would meet Kim again."], [("Trump", "said")]),
    # guard: an apposition with no speech verb
    (["Karim Haddad, the airline's chief executive, met investors in London on Monday."], [(None, None)]),
]


@pytest.mark.parametrize("case", APPOSITIONS)
def test_appositions(case) -> None:
    check(case)


def test_apposition_role_is_kept() -> None:
    got = statements('"We are not in a hurry," the airline\'s chief executive, Karim Haddad, told reporters.',
                     "Sarah Collins, an aviation analyst at a London-based consultancy, said the order was small.")
    assert [(s.speaker_canonical, s.role, s.mode) for s in got] == [
        ("Karim Haddad", "the airline's chief executive", "direct"),
        ("Sarah Collins", "an aviation analyst at a London-based consultancy", "indirect")]


# Inverted: `"…," said X, <apposition>.`, `…, said X.`, and `"…," X told Reuters.` after a quotation.
INVERTED = [
    (['"Fuel efficiency is the main driver now," said Sarah Collins, an aviation analyst at a London-based '
      'consultancy.'], [("Sarah Collins", "said")]),
    (['"The market has already priced in a cut," said Jason Tuvey, senior emerging markets economist at Capital '
      'Economics.'], [("Jason Tuvey", "said")]),
    (["Demand for gold has softened since March, said one Dubai-based trader."],
     [("one Dubai-based trader", "said")]),
    (['"We will not accept any conditions," added the foreign minister.'], [("the foreign minister", "added")]),
    (["Sarah Collins, an aviation analyst, said orders would slow.", '"It is too early to say," Collins said.'],
     [("Sarah Collins", "said"), ("Sarah Collins", "said")]),
    (['"We will appeal," said Dr. Amal Haddad, a lawyer for the family.'], [("Amal Haddad", "said")]),
    (['"Rates will stay on hold," said U.S. Treasury Secretary Janet Yellen.'], [("Janet Yellen", "said")]),
    # guard: a role between a quotation and its verb
    (['"The situation is under control," a police spokesman told Reuters.'], [("a police spokesman", "told")]),
]


@pytest.mark.parametrize("case", INVERTED)
def test_inverted(case) -> None:
    check(case)


# `according to X`: a person or body speaks; figures, data, a survey or a report are documents and speak for no one
# (as the Arabic side's documents); `a statement from X` is X's. Main took any phrase after `according to`.
ACCORDING = [
    (["Passenger traffic rose 9 percent in the first half, according to industry figures."], [(None, None)]),
    (["Unemployment fell to 7.2 percent in June, according to data released by the statistics agency."],
     [(None, None)]),
    (["Imports fell by a third, according to a Reuters survey of shipping agents."], [(None, None)]),
    (["According to figures released on Monday, exports rose, the ministry said."], [("the ministry", "said")]),
    (["The plant will employ 2,000 people, according to a statement from the company."],
     [("the company", "according to")]),
    # guards: a name with an apposition, a body, and people described after their head
    (["According to Ali Nasser, the ministry's top official, the talks will resume in May."],
     [("Ali Nasser", "According to")]),
    (["According to the health ministry, 43 people were killed in the clashes."],
     [("the health ministry", "According to")]),
    (["The deal is worth about $400 million, according to two people familiar with the matter."],
     [("two people familiar with the matter", "according to")]),
]


@pytest.mark.parametrize("case", ACCORDING)
def test_according_to(case) -> None:
    check(case)


# Adjuncts between the subject and the verb, a fronted `in a statement`, `X said in a statement`.
ADJUNCTS = [
    (["The minister on Wednesday told parliament that the law would be amended."], [("The minister", "told")]),
    (["Police later said the suspect had been released without charge."], [("Police", "said")]),
    (["Administration officials have said the rule was needed to reduce a backlog of cases."],
     [("Administration officials", "said")]),
    # guards: a fronted participle clause, a fronted setting and a trailing one
    (["Asked about the deal, the minister said it was fair to both sides."], [("the minister", "said")]),
    (["In a statement, the ministry said the border crossing would reopen on Sunday."], [("the ministry", "said")]),
    (["The order includes options for a further 10 jets, the company said in a statement."],
     [("the company", "said")]),
]


@pytest.mark.parametrize("case", ADJUNCTS)
def test_adjuncts(case) -> None:
    check(case)


# Pronouns: he/she go to the latest person whose gender agrees (a title, a gendered role or an earlier he/she tells
# it); an unknown gender is taken only when no other speaker is known to bear the pronoun's; they needs people, it a
# body. Main gave every pronoun to the last speaker.
PRONOUNS = [
    (["Mr Haddad said the airline would expand.", "Ms Collins said the plan was ambitious.",
      "He added that the first jets would arrive in 2018."],
     [("Haddad", "said"), ("Collins", "said"), ("Haddad", "added")]),
    (["Mr Haddad said the airline would expand.", "Collins said the plan was ambitious.",
      "He added that the first jets would arrive in 2018."],
     [("Haddad", "said"), ("Collins", "said"), (None, None)]),
    (["Industry analysts said the deal reflected a shift to smaller aircraft.",
      "Sarah Collins, an aviation analyst, said fuel was the main driver.",
      "She added that low-cost airlines were a threat."],
     [("Industry analysts", "said"), ("Sarah Collins", "said"), ("Sarah Collins", "added")]),
    (["Karim Haddad said deliveries would start in 2018.", "They said the jets would replace older aircraft."],
     [("Karim Haddad", "said"), (None, None)]),
    (["A spokeswoman for the ministry said the border was open.", "He added that trucks were waiting."],
     [("A spokeswoman for the ministry", "said"), (None, None)]),
    (["Mr Haddad said the airline would expand.", "He said the deal was fair.", "She said the talks would resume."],
     [("Haddad", "said"), ("Haddad", "said"), (None, None)]),
    # guards: people continued by they, a body by it, a pronoun with nobody before it
    (["Oil traders said supplies remained tight.", "They added that prices could rise."],
     [("Oil traders", "said"), ("Oil traders", "added")]),
    (["The company said profit rose 12 percent.", "It added that sales in Asia were strong."],
     [("The company", "said"), ("The company", "added")]),
    (["He said the talks had failed."], [(None, None)]),
]


@pytest.mark.parametrize("case", PRONOUNS)
def test_pronouns(case) -> None:
    check(case)


# A bare definite role (`the chief executive said`) is the one person the article gave that role's head; a rival
# with the same head (`the chief executive of Boeing`) makes it nobody in particular. A family name alone is the
# one full name the article wrote after a title, even in a statement without speech.
ROLES_BACK = [
    (["The airline's chief executive, Karim Haddad, said demand was strong.",
      "The chief executive said fares would rise next year."],
     [("Karim Haddad", "said"), ("Karim Haddad", "said")]),
    (["The airline's chief executive, Karim Haddad, said demand was strong.",
      "The chief executive of Boeing said deliveries would slow.", "The chief executive said fares would rise."],
     [("Karim Haddad", "said"), ("The chief executive of Boeing", "said"), ("The chief executive", "said")]),
    (["Iran's foreign ministry spokesman Nasser Kanaani called the sanctions illegal.",
      "Kanaani said Tehran would respond."],
     [(None, None), ("Nasser Kanaani", "said")]),
    (['"We have no choice," said Mrs Ahmed.', "She said the shop had been closed for a week."],
     [("Ahmed", "said"), ("Ahmed", "said")]),
    # guard: a month is a name too (main read it; the months are no stop words for names here)
    (["Theresa May said Britain would leave the customs union.", "May told parliament the deal was fair."],
     [("Theresa May", "said"), ("Theresa May", "told")]),
]


@pytest.mark.parametrize("case", ROLES_BACK)
def test_roles_back(case) -> None:
    check(case)


def test_mode() -> None:
    """Direct when the statement quotes three words or more (a quotation, not a scare-quoted word or two)."""
    got = statements('"We see strong demand on these routes," Haddad said.',
                     'Haddad said the plan was "very ambitious" but affordable.',
                     'Collins said: "Fuel efficiency is the main driver now."',
                     "Collins said fuel efficiency was the main driver.")
    assert [(s.speaker_canonical, s.mode) for s in got] == [
        ("Haddad", "direct"), ("Haddad", "indirect"), ("Collins", "direct"), ("Collins", "indirect")]


def test_two_cues_in_one_statement() -> None:
    """The statement's first cue decides its speaker; a quotation belongs to the cue nearest to it, so the mode is
    the first cue's (in the sample the segmenter splits `Industry analysts said …` from Sarah Collins's quote)."""
    got = statements('Industry analysts said the deal reflected a shift; "Fuel efficiency is the main driver now," '
                     "said Sarah Collins.",
                     '"Fuel efficiency is the main driver now," said Sarah Collins, and analysts said the deal '
                     "reflected a shift.")
    assert [(s.speaker_canonical, s.cue, s.mode) for s in got] == [
        ("Industry analysts", "said", "indirect"), ("Sarah Collins", "said", "direct")]


# A participle after a comma (`…, saying …`, `…, adding that …`) in a statement with no finite cue reports the
# opening clause's subject, when that subject is a role, a body, people or a name of two words or more.
PARTICIPLES = [
    (["CAIRO, March 4 (Reuters) - Egypt's central bank left interest rates unchanged on Thursday, saying inflation "
      "remained above its target."], [("Egypt's central bank", "saying")]),
    (["Police fired tear gas at protesters, saying they had attacked officers."], [("Police", "saying")]),
    (["Saudi Aramco raised its prices for Asia, saying demand was strong."], [("Saudi Aramco", "saying")]),
    (["Analysts cut their forecasts, warning that demand could slow."], [("Analysts", "warning")]),
    (["Haddad said demand was strong, adding that the airline would hire more pilots."], [("Haddad", "said")]),
    # guards: `adding to`, a pronoun or a thing as the opening subject
    (["The company's shares rose 3 percent, adding to gains made last week."], [(None, None)]),
    (["He left the room, saying nothing."], [(None, None)]),
    (["The price of oil rose, saying nothing about demand."], [(None, None)]),
]


@pytest.mark.parametrize("case", PARTICIPLES)
def test_participles(case) -> None:
    check(case)


# Look-alikes: `said`/`stated`/`noted` as adjectives, `all told`, passives (the subject hears, unless `by X`),
# `said to be`, `is said to`, verbs inside quotation marks, `declined to say`. Main read a speaker in most.
LOOK_ALIKES = [
    (["Both sides signed the said agreement in 2015."], [(None, None)]),
    (["Reporters were told the minister would arrive later."], [(None, None)]),
    (["The fund is said to be worth $2 billion."], [(None, None)]),
    (["The general was said to have left the capital before dawn."], [(None, None)]),
    (["He was told to leave the building immediately."], [(None, None)]),
    (["The figures were announced at a news conference in Riyadh."], [(None, None)]),
    (["Investors were told by the chief executive that dividends would rise."],
     [("the chief executive", "told")]),
    (["Analysts who said the deal was too expensive were proved wrong."], [(None, None)]),
    (["Asked if he had said so, Smith nodded."], [(None, None)]),
    (["If the minister said so, it would be true."], [(None, None)]),
    (["Whatever the minister said, the market fell."], [(None, None)]),
    # guards (main's vouching dropped their one-word subjects): `all told`, adjectives after a determiner,
    # `nobody`, `having said that`; main read no subject after a comma: `said to be`, `added to`; a verb inside a
    # quotation, `declined to say`
    (["Nobody told the residents about the evacuation."], [(None, None)]),
    (["Having said that, the company expects growth to slow."], [(None, None)]),
    (["The agreement, said to be worth $2 billion, was signed on Monday."], [(None, None)]),
    (["The company's shares, added to the index last year, rose 3 percent."], [(None, None)]),
    (["All told, the company sold 40,000 vehicles last year."], [(None, None)]),
    (["The stated aim of the plan is to cut emissions by half."], [(None, None)]),
    (["A noted economist, Hassan Ali, has joined the bank's board."], [(None, None)]),
    (['Protesters chanted "the people said no" outside parliament.'], [(None, None)]),
    (["The minister declined to say when the talks would resume."], [(None, None)]),
]


@pytest.mark.parametrize("case", LOOK_ALIKES)
def test_look_alikes(case) -> None:
    check(case)


# Whole articles.
OIL = [
    "RIYADH, June 3 (Reuters) - Saudi Arabia will raise oil output to 10.5 million barrels per day in July, "
    "Energy Minister Khalid al-Falih said on Monday.",
    "The decision follows a meeting of OPEC ministers in Vienna last week.",
    '"The market needs these barrels," Falih told reporters after meeting his Russian counterpart.',
    "Russian Energy Minister Alexander Novak said Moscow supported a gradual increase.",
    "Analysts at Goldman Sachs said in a note that prices could fall below $70.",
    '"We have no intention of flooding the market," Novak added.',
    "He said Russia would raise output by 200,000 barrels per day.",
    "Brent crude fell 2 percent to $74.50 a barrel, according to Refinitiv data.",
]

COURT = [
    "WASHINGTON (AP) - A federal judge on Friday blocked a new rule that would have limited asylum claims.",
    "U.S. District Judge Maria Lopez wrote in a 40-page ruling that the government had not given the public enough "
    "time to comment.",
    "The Justice Department said it was reviewing the decision.",
    '"This ruling protects people who are fleeing for their lives," said Lee Gelernt, an American Civil Liberties '
    "Union lawyer who argued the case.",
    "Gelernt said the group would ask the court to make the order permanent.",
    "Administration officials have said the rule was needed to reduce a backlog of cases.",
    "All told, more than 3,000 people had applied under the old rules since January, court records show.",
    "The judge was told by government lawyers that the agency had acted lawfully.",
]

TELECOM = [
    "LONDON, May 9 (Reuters) - British mobile operator Vodafone said on Tuesday its chief executive Nick Read would "
    "step down at the end of the year.",
    '"Nick has transformed the business," chairman Gerard Kleisterlee said in a statement.',
    "Mr Read, 55, said he was proud of what the company had achieved.",
    "He will be replaced by Margherita Della Valle, the group's finance director.",
    "Della Valle said she would focus on improving performance in Germany.",
    "She added that the company would simplify its structure.",
    "Analysts said the market had expected the change.",
    "They said the shares could rise further.",
    "Shares in Vodafone were up 3 percent at 1030 GMT, according to Refinitiv data.",
]

ARTICLES = [
    (OIL, [("Khalid al-Falih", "said"), (None, None), ("Khalid al-Falih", "told"), ("Alexander Novak", "said"),
           ("Analysts at Goldman Sachs", "said"), ("Alexander Novak", "added"), ("Alexander Novak", "said"),
           (None, None)]),
    (COURT, [(None, None), ("Maria Lopez", "wrote"), ("The Justice Department", "said"), ("Lee Gelernt", "said"),
             ("Lee Gelernt", "said"), ("Administration officials", "said"), (None, None),
             ("government lawyers", "told")]),
    (TELECOM, [("Vodafone", "said"), ("Gerard Kleisterlee", "said"), ("Nick Read", "said"), (None, None),
               ("Della Valle", "said"), ("Della Valle", "added"), ("Analysts", "said"), ("Analysts", "said"),
               (None, None)]),
]


# Four articles written after the rules above and scored once before any change for them (speaker P 1.000,
# R 0.920: `according to money changers` and `The Rapid Support Forces (RSF) said` were missed); kept as a
# regression set.
HELD_OUT = [
    (["BEIRUT, Oct 2 (Reuters) - Lebanon's caretaker prime minister said on Sunday the country could not afford "
      "another delay in forming a government.",
      '"Every day we wait costs the economy millions of dollars," Najib Mikati told a news conference in Beirut.',
      "Mikati said he had presented a new cabinet line-up to President Michel Aoun last week.",
      "A source close to the president said Aoun had reservations about several names on the list.",
      "The World Bank has described Lebanon's financial crisis as one of the worst since the mid-19th century.",
      "The Lebanese pound has lost more than 95 percent of its value since 2019, according to money changers.",
      "Mikati, a billionaire businessman, warned that talks with the International Monetary Fund could stall.",
      "He added that parliament must pass a capital controls law before the end of the year."],
     [("Lebanon's caretaker prime minister", "said"), ("Najib Mikati", "told"), ("Najib Mikati", "said"),
      ("A source close to the president", "said"), (None, None), ("money changers", "according to"),
      ("Najib Mikati", "warned"), ("Najib Mikati", "added")]),
    (["NEW YORK (AP) - Shares of electric-truck maker Rivian tumbled 12% on Thursday after the company cut its "
      "production forecast.",
      "Rivian now expects to build 25,000 vehicles this year, down from an earlier target of 50,000, the company "
      "said in a letter to shareholders.",
      '"We are facing supply chain constraints that are largely outside our control," chief executive RJ Scaringe '
      "said on a call with analysts.",
      "Scaringe said the company had enough cash to last into 2025.",
      'Wedbush analyst Dan Ives called the cut "a gut punch" for investors.',
      "Some investors were told in a private meeting that the company might raise prices again.",
      "The said vehicles are assembled at a plant in Normal, Illinois.",
      "Rivian's shares have lost more than half their value this year, according to FactSet data."],
     [(None, None), ("the company", "said"), ("RJ Scaringe", "said"), ("RJ Scaringe", "said"), (None, None),
      (None, None), (None, None), (None, None)]),
    (["PARIS (AFP) - France's health minister on Tuesday announced a ban on disposable e-cigarettes, citing their "
      "impact on young people and the environment.",
      '"These products are a gateway to smoking for teenagers," Minister Aurelien Rousseau told France Inter radio.',
      "Rousseau said the ban would take effect by the end of the year.",
      "Anti-smoking groups welcomed the move.",
      '"It is an important first step," said Yves Martinet, president of the National Committee Against Smoking.',
      "But vape shop owners warned that the ban would push consumers towards the black market.",
      "They said they had not been consulted.",
      "About 15 percent of French teenagers have tried disposable vapes, according to a survey published last month.",
      "The minister is said to favour higher taxes on tobacco as well."],
     [("France's health minister", "announced"), ("Aurelien Rousseau", "told"), ("Aurelien Rousseau", "said"),
      (None, None), ("Yves Martinet", "said"), ("vape shop owners", "warned"), ("vape shop owners", "said"),
      (None, None), (None, None)]),
    (["KHARTOUM, April 20 (Reuters) - Fighting between Sudan's army and a rival paramilitary force continued on "
      "Thursday despite a ceasefire, residents said.",
      "The army said in a statement it had regained control of several sites in the capital.",
      "The Rapid Support Forces (RSF) said its fighters had repelled an attack near the airport.",
      "At least 330 people have been killed, according to the World Health Organization.",
      "U.S. Secretary of State Antony Blinken said he had spoken to both commanders.",
      '"We need a real ceasefire that holds," he told reporters in Tokyo.',
      "Residents of the capital said they were running out of food and water.",
      "One resident, Amira Osman, said her family had not left their home for five days.",
      "She told Reuters that the electricity had been cut since Sunday."],
     [("residents", "said"), ("The army", "said"), ("The Rapid Support Forces", "said"),
      ("the World Health Organization", "according to"), ("Antony Blinken", "said"), ("Antony Blinken", "told"),
      ("Residents of the capital", "said"), ("Amira Osman", "said"), ("Amira Osman", "told")]),
]


@pytest.mark.parametrize("case", HELD_OUT)
def test_held_out(case) -> None:
    check(case)


# A second held-out set, written and scored once after the first had been folded in (speaker P 0.905, R 0.864;
# main 0.375/0.273): `the WHO` read as a relative pronoun, `Germany's biggest lender Deutsche Bank` kept the
# role in the name (`Bank` was a title word), and `U.S. Secretary of State Antony Blinken` lost its subject once
# `State` was no title. The gold first had `the UN children's agency UNICEF` for a role before a name; it is
# `UNICEF`, as `Finance Minister Karim Haddad` is Karim Haddad.
HELD_OUT_2 = [
    (["TOKYO, Feb 14 (Reuters) - Japan's economy grew faster than expected in the fourth quarter, government "
      "data showed on Wednesday.",
      "Economy Minister Yoshitaka Shindo told reporters the recovery was on track but warned that weak "
      "consumption remained a risk.",
      '"Wage growth is the key to a sustainable recovery," Shindo said.',
      "Bank of Japan Governor Kazuo Ueda has said the central bank will end negative interest rates once it is "
      "confident that inflation will stay around its 2 percent target.",
      "Most economists polled by Reuters expect the BOJ to raise rates in April.",
      "Takeshi Minami, chief economist at Norinchukin Research Institute, said the data supported an early "
      "exit.",
      "He said the yen's weakness had boosted exporters' profits.",
      "The yen was little changed at 150.3 per dollar, according to LSEG data."],
     [(None, None), ("Yoshitaka Shindo", "told"), ("Yoshitaka Shindo", "said"), ("Kazuo Ueda", "said"),
      (None, None), ("Takeshi Minami", "said"), ("Takeshi Minami", "said"), (None, None)]),
    (["NAIROBI (AP) - Kenyan police fired tear gas at protesters in the capital on Tuesday as demonstrations "
      "against new taxes entered a second week.",
      "Police spokeswoman Resila Onyango said 105 people had been arrested.",
      "She said officers had acted with restraint.",
      '"We will not allow anyone to destroy property," she told The Associated Press.',
      "Rights groups disputed that account.",
      "Amnesty International Kenya said at least 22 people had been killed since the protests began, most of "
      "them by police gunfire.",
      "President William Ruto, who has defended the taxes as necessary to reduce debt, said in a televised "
      "address that he would not sign the bill.",
      "Protesters were told to disperse by 6 p.m.",
      "All told, the finance bill would have raised $2.7 billion in additional taxes."],
     [(None, None), ("Resila Onyango", "said"), ("Resila Onyango", "said"), ("Resila Onyango", "told"),
      (None, None), ("Amnesty International Kenya", "said"), ("William Ruto", "said"), (None, None), (None, None)]),
    (["FRANKFURT, July 3 (Reuters) - Germany's biggest lender Deutsche Bank said on Thursday it would cut 3,500"
      " jobs as part of a cost-cutting drive.",
      "The bank's finance chief, James von Moltke, told analysts on a call that the cuts would mostly affect "
      "back-office staff.",
      '"These are difficult decisions but necessary ones," he said.',
      "The Verdi union said it would fight any compulsory redundancies.",
      "A union representative, who declined to be named, said workers had not been consulted.",
      "Deutsche Bank shares rose 2 percent in early trading.",
      "The stated goal is to bring the cost-income ratio below 62.5 percent by 2025.",
      "The bank is said to be considering further asset sales."],
     [("Deutsche Bank", "said"), ("James von Moltke", "told"), ("James von Moltke", "said"),
      ("The Verdi union", "said"), ("A union representative", "said"), (None, None), (None, None), (None, None)]),
    (["GENEVA (AFP) - The World Health Organization warned on Friday that cholera cases had risen sharply in "
      "2023.",
      '"We are seeing outbreaks in places that have not seen cholera for decades," said Philippe Barboza, head '
      "of the WHO's cholera programme.",
      "Barboza said climate change and conflict were driving the increase.",
      "According to the WHO, more than 30 countries reported outbreaks last year.",
      "The agency has urged donors to fund vaccine production.",
      "Only one manufacturer currently produces the oral vaccine, according to the UN children's agency UNICEF.",
      "Health workers in Malawi told AFP they had run out of supplies.",
      "They said clinics were overwhelmed."],
     [("The World Health Organization", "warned"), ("Philippe Barboza", "said"), ("Philippe Barboza", "said"),
      ("the WHO", "According to"), (None, None), ("UNICEF", "according to"), ("Health workers in Malawi", "told"),
      ("Health workers in Malawi", "said")]),
]


@pytest.mark.parametrize("case", HELD_OUT_2)
def test_held_out_2(case) -> None:
    check(case)


# A third held-out set, scored once (speaker P 0.923, R 0.750; main 0.083/0.062): `Erdogan, who …, has said`
# (an auxiliary after the relative clause), `Rural Fire Service Commissioner Rob Rogers` (no title word, so a
# six-word "name") and the `he told` after it were missed, and `Kanaani said` stayed short although an earlier
# statement without speech named `spokesman Nasser Kanaani`. Then `He added` after Chris Minns abstained because
# Rob Rogers, three speakers back, was known to be a man: only the speaker just before is a rival now.
HELD_OUT_3 = [
    (["ISTANBUL, Sept 5 (Reuters) - Turkey's central bank raised its main interest rate by 500 basis points on "
      "Thursday, more than analysts had expected.",
      "The bank said in a statement that it would continue tightening as needed to bring inflation down.",
      '"The decision shows the bank is serious about inflation," said Nick Stadtmiller, head of emerging '
      "markets research at Medley Global Advisors.",
      "The lira firmed 1 percent against the dollar after the announcement.",
      "Central bank governor Hafize Gaye Erkan told lawmakers last month that inflation would peak in May.",
      "She said the bank expected annual inflation to fall to 36 percent by the end of next year.",
      "President Tayyip Erdogan, who for years pushed for lower rates, has said he supports the new economic "
      "team.",
      "Inflation stood at 58.9 percent in August, according to official data.",
      "The figures were described as worrying by several economists."],
     [(None, None), ("The bank", "said"), ("Nick Stadtmiller", "said"), (None, None),
      ("Hafize Gaye Erkan", "told"), ("Hafize Gaye Erkan", "said"), ("Tayyip Erdogan", "said"), (None, None),
      (None, None)]),
    (["SYDNEY (AP) - Firefighters battled dozens of wildfires across New South Wales on Saturday as "
      "temperatures soared above 40 degrees Celsius.",
      "Rural Fire Service Commissioner Rob Rogers said conditions were the worst since 2019.",
      '"This is a very dangerous day," he told reporters in Sydney.',
      "Residents in several towns were told to evacuate.",
      "A resident of the town of Bega, Mary Thompson, said she had packed her car the night before.",
      '"We just grabbed the dog and the photos," she said.',
      "Authorities said at least 12 homes had been destroyed.",
      "Premier Chris Minns said the state would provide emergency payments to those affected.",
      "He added that the army was on standby."],
     [(None, None), ("Rob Rogers", "said"), ("Rob Rogers", "told"), (None, None), ("Mary Thompson", "said"),
      ("Mary Thompson", "said"), ("Authorities", "said"), ("Chris Minns", "said"), ("Chris Minns", "added")]),
    (["BRUSSELS (Reuters) - European Union governments on Monday approved new sanctions against Iran over its "
      "supply of drones to Russia, diplomats said.",
      "The measures target six individuals and three companies, according to a document seen by Reuters.",
      "EU foreign policy chief Josep Borrell told a news conference the bloc would not tolerate support for "
      "Russia's war.",
      "Iran's foreign ministry spokesman Nasser Kanaani called the sanctions illegal.",
      "Kanaani said Tehran would respond appropriately.",
      "The said companies are based in Tehran and Isfahan, the document showed.",
      "Diplomats said further measures were possible."],
     [("diplomats", "said"), (None, None), ("Josep Borrell", "told"), (None, None), ("Nasser Kanaani", "said"),
      (None, None), ("Diplomats", "said")]),
]


@pytest.mark.parametrize("case", HELD_OUT_3)
def test_held_out_3(case) -> None:
    check(case)


# A fourth held-out set (sport, a recall, a treaty), written after the third's fixes and scored once: speaker P
# 1.000, R 1.000 (main 0.667/0.267).
HELD_OUT_4 = [
    (["MADRID (Reuters) - Real Madrid coach Carlo Ancelotti said on Friday he expected Vinicius Jr to be fit "
      "for Sunday's match against Barcelona.",
      '"He trained well today and he is feeling good," Ancelotti told a news conference.',
      "The Brazilian forward missed the last two games with a hamstring injury.",
      "Barcelona coach Xavi Hernandez, whose side trail Real by five points, said his team had nothing to lose.",
      "Asked about the title race, he said it was far from over.",
      "Tickets for the match sold out within hours, according to the club."],
     [("Carlo Ancelotti", "said"), ("Carlo Ancelotti", "told"), (None, None), ("Xavi Hernandez", "said"),
      ("Xavi Hernandez", "said"), ("the club", "according to")]),
    (["SAN FRANCISCO (AP) - Tesla will recall more than 2 million vehicles in the United States to fix a "
      "defective Autopilot system, the National Highway Traffic Safety Administration said Wednesday.",
      "The agency said its investigation found that the system's controls may not be sufficient to prevent "
      "misuse.",
      "Tesla said in its recall documents that it did not agree with the agency's analysis.",
      "Philip Koopman, a Carnegie Mellon University professor who studies vehicle automation, said the recall "
      "was long overdue.",
      '"Drivers have been misusing this system for years," he said.',
      "Tesla shares fell 1 percent.",
      "The recall covers nearly every vehicle the company has sold in the U.S. since 2012, according to "
      "government documents."],
     [("the National Highway Traffic Safety Administration", "said"), ("The agency", "said"), ("Tesla", "said"),
      ("Philip Koopman", "said"), ("Philip Koopman", "said"), (None, None), (None, None)]),
    (["ADDIS ABABA, Jan 8 (Reuters) - Ethiopia and Somalia's breakaway region of Somaliland signed an agreement"
      " on Monday giving Ethiopia access to the sea, officials from both sides said.",
      "Somalia's government called the deal an act of aggression and recalled its ambassador.",
      "Somaliland President Muse Bihi Abdi told reporters in Addis Ababa that Ethiopia would recognise "
      "Somaliland as an independent country.",
      "An Ethiopian government spokesman, Legesse Tulu, said Addis Ababa had made no such commitment.",
      "He declined to say when a final agreement would be signed.",
      "Analysts warned the deal could inflame tensions in the Horn of Africa.",
      '"This is a very risky move," said Rashid Abdi, an analyst at the Sahan Research think tank.'],
     [("officials from both sides", "said"), (None, None), ("Muse Bihi Abdi", "told"), ("Legesse Tulu", "said"),
      (None, None), ("Analysts", "warned"), ("Rashid Abdi", "said")]),
]


@pytest.mark.parametrize("case", HELD_OUT_4)
def test_held_out_4(case) -> None:
    check(case)


# A fifth held-out set, scored once: speaker P 0.700, R 0.636 (main 0.375/0.273). 'said the Rev. Francisco Gallardo'
# stopped at 'Rev.' and 'the Rev' passed for a body like 'the State Department'; 'Lopez Obrador said' did not reach
# the full name written after 'President' (only one-word names did); 'advocates' was no head noun.
HELD_OUT_5 = [
    (["LONDON (Reuters) - British inflation fell more than expected in March, official data showed on "
      "Wednesday, raising hopes the Bank of England could cut rates soon.",
      "The Office for National Statistics said consumer prices rose 3.2 percent in the year to March.",
      "Economists polled by Reuters had expected a reading of 3.1 percent.",
      "Finance minister Jeremy Hunt said the figures showed the government's plan was working.",
      "That said, he warned that households were still feeling the pinch.",
      "The opposition Labour Party said the government had presided over a cost-of-living crisis.",
      "Paul Dales, chief UK economist at Capital Economics, wrote in a note to clients that a June rate cut was"
      " now likely.",
      "All told, prices are about 20 percent higher than three years ago.",
      "The BoE is said to be split on the timing of the first cut.",
      "Policymakers were told by staff that wage growth was slowing."],
     [(None, None), ("The Office for National Statistics", "said"), (None, None), ("Jeremy Hunt", "said"),
      ("Jeremy Hunt", "warned"), ("The opposition Labour Party", "said"), ("Paul Dales", "wrote"), (None, None),
      (None, None), ("staff", "told")]),
    (["MEXICO CITY (AP) - Mexico's president said Tuesday that the country would not accept deportation flights"
      " of non-Mexican migrants.",
      "President Andres Manuel Lopez Obrador made the comments at his daily news briefing.",
      "Lopez Obrador said Mexico had received more than 10,000 deportees in the past month.",
      "Immigration advocates said the shelters in border cities were full.",
      '"We have no more beds," said the Rev. Francisco Gallardo, who runs a shelter in Tijuana.',
      "Gallardo said he had asked the state government for help but had not received an answer.",
      "The state government did not respond to a request for comment."],
     [("Mexico's president", "said"), (None, None), ("Andres Manuel Lopez Obrador", "said"),
      ("Immigration advocates", "said"), ("Francisco Gallardo", "said"), ("Francisco Gallardo", "said"),
      (None, None)]),
]


@pytest.mark.parametrize("case", HELD_OUT_5)
def test_held_out_5(case) -> None:
    check(case)


# A sixth held-out set, scored once on the final rules but for one head noun: speaker P 1.000, R 0.917 (main
# 0.714/0.417); 'the Nobel laureate told' had no head noun (it is the role's own speaker: no coreference with Yunus
# is attempted).
HELD_OUT_6 = [
    (["DHAKA (AFP) - Bangladesh's interim leader Muhammad Yunus said on Sunday that elections would be held by "
      "the end of next year.",
      '"We want a free and fair vote," the Nobel laureate told reporters after meeting party leaders.',
      "Yunus, 84, took over in August after weeks of deadly protests forced former prime minister Sheikh Hasina"
      " to flee to India.",
      "Hasina's Awami League party said the timetable was too long.",
      "A senior party official, speaking on condition of anonymity, said the interim government had no mandate "
      "to delay the vote.",
      "More than 1,000 people were killed during the unrest, according to the health ministry.",
      "Students who led the protests have demanded that Hasina be tried.",
      "The interim government said in a post on X that it had asked India to return her."],
     [("Muhammad Yunus", "said"), ("the Nobel laureate", "told"), (None, None),
      ("Hasina's Awami League party", "said"), ("A senior party official", "said"),
      ("the health ministry", "according to"), (None, None), ("The interim government", "said")]),
    (["JOHANNESBURG (Reuters) - South Africa's power utility Eskom said on Tuesday it had not imposed any "
      "rolling blackouts for six months, the longest stretch since 2021.",
      "Chief executive Dan Marokane credited improved maintenance at coal-fired plants.",
      '"We are not out of the woods," Marokane told a media briefing, adding that demand would rise in winter.',
      "Energy analysts said the improvement was real but fragile.",
      '"One bad week at a big station could bring back load-shedding," said Chris Yelland, an independent '
      "energy analyst.",
      "He said Eskom's debt of about 400 billion rand remained its biggest problem.",
      "The company was told by the Treasury last year that it must cut costs."],
     [("Eskom", "said"), (None, None), ("Dan Marokane", "told"), ("Energy analysts", "said"),
      ("Chris Yelland", "said"), ("Chris Yelland", "said"), ("the Treasury", "told")]),
]


@pytest.mark.parametrize("case", HELD_OUT_6)
def test_held_out_6(case) -> None:
    check(case)


@pytest.mark.parametrize("case", ARTICLES)
def test_articles(case) -> None:
    check(case)


def test_gulf_aviation_sample() -> None:
    """The bundled sample: the lead's carrier, Haddad told (quoted) and said, the company, the analysts, Sarah
    Collins said (quoted, inverted) and added (she), and industry figures (a document) speaking for no one."""
    text = (ROOT / "samples/reuters_ar/003_gulf_aviation_en.txt").read_text(encoding="utf-8")
    got = statements(*[p.strip() for p in text.split("\n\n") if p.strip()])
    assert [(s.speaker_canonical, s.cue, s.mode) for s in got] == [
        (None, None, None),
        ("A Gulf-based carrier", "said", "indirect"),
        ("Karim Haddad", "told", "direct"),
        ("Karim Haddad", "said", "indirect"),
        ("the company", "said", "indirect"),
        (None, None, None),
        ("Industry analysts", "said", "indirect"),
        ("Sarah Collins", "said", "direct"),
        ("Sarah Collins", "added", "indirect"),
        (None, None, None),
        (None, None, None),
    ]
