"""Write a realistic synthetic news corpus: `python bench/make_corpus.py N DIR [--seed S]`.

The articles look like the web articles a user collects: a headline on the first line, a date
line near the top or the bottom ("January 19, 2022 - 22:49", "15 September 2022, 05:25 GMT"),
a dateline ("TEHRAN —"), quotes with speakers and cue verbs before or after them ("he said",
"according to X"), people introduced with their titles then named by surname or title, relative
dates ("on Tuesday", "last month", "next week"), numbers that fool naive date finders ("$40
billion", "81 percent"), and site boilerplate. About one in eight has YAML front matter instead.
Lengths run from 1 KB to 20 KB, publication dates over 2012–2024, a few articles are undated.

Output depends only on N and the seed: article i is generated from its own random stream, so the
files are the same whatever the number of worker processes.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

FIRST = (
    "Ebrahim Vladimir Hossein Maria Elena Javad Sergei Anna Olga Ali Fatima Ahmed Chen Wei Li "
    "Kenji Yuki Pierre Claire Hans Greta Miguel Lucia Ivan Natalia Omar Leila Samuel Grace David "
    "Sarah Jonas Ingrid Rahul Priya Tomasz Agnieszka Kwame Amara Diego Sofia Mehmet Ayse Nikos "
    "Eleni Andrei Irina Pavel Dmitri Mariam Karim Yasmin Hassan Zainab Arjun Meera Lars Freja"
).split()
LAST = (
    "Rahimi Petrov Karimi Novak Sokolov Haddad Nakamura Moreau Fischer Alvarez Kowalski Mensah "
    "Silva Yilmaz Papadopoulos Popescu Ivanova Rostami Farahani Tanaka Dubois Weber Romero Nowak "
    "Osei Costa Demir Georgiou Lungu Volkov Mousavi Jafari Sato Laurent Becker Torres Wisniewski "
    "Boateng Pereira Kaya Dimitriou Stan Orlov Ansari Hosseini Suzuki Bernard Hoffmann Navarro "
    "Zielinski Asante Santos Celik Christou Marin Kuznetsov Tehrani Okafor Lindqvist Halvorsen "
    "Abdi Castellano Brennan Okonkwo Varga Horvath Kovacs Nielsen Eriksen Moretti Ricci Conti"
).split()
COUNTRIES = (
    ("Iran", "Iranian", "TEHRAN"), ("Russia", "Russian", "MOSCOW"), ("China", "Chinese", "BEIJING"),
    ("Turkey", "Turkish", "ANKARA"), ("France", "French", "PARIS"), ("Germany", "German", "BERLIN"),
    ("Brazil", "Brazilian", "BRASILIA"), ("India", "Indian", "NEW DELHI"), ("Japan", "Japanese", "TOKYO"),
    ("Kenya", "Kenyan", "NAIROBI"), ("Poland", "Polish", "WARSAW"), ("Egypt", "Egyptian", "CAIRO"),
    ("Kazakhstan", "Kazakh", "ASTANA"), ("Greece", "Greek", "ATHENS"), ("Norway", "Norwegian", "OSLO"),
    ("Mexico", "Mexican", "MEXICO CITY"), ("Nigeria", "Nigerian", "ABUJA"), ("Italy", "Italian", "ROME"),
)  # fmt: skip
ROLES = (
    "President", "Prime Minister", "Foreign Minister", "Oil Minister", "Trade Minister",
    "Defence Minister", "Energy Minister", "central bank governor", "ambassador", "spokesman",
    "deputy foreign minister", "Economy Minister", "opposition leader", "Health Minister",
)  # fmt: skip
SOURCES = (
    "Tehran Times", "Eurasia Review", "Northern Herald", "The Daily Ledger", "Capital Wire",
    "Harbor Gazette", "Meridian Post", "Continental Tribune", "Steppe News Agency", "Baltic Observer",
    "Gulf Chronicle", "Atlas Monitor",
)  # fmt: skip
CUES = ("said", "told reporters", "added", "noted", "remarked", "stressed", "emphasized",
        "underlined", "reiterated", "stated", "announced", "warned", "insisted", "explained")  # fmt: skip
TOPIC_WORDS = (
    "trade tariffs exports imports grain wheat pipeline gas oil refinery electricity grid "
    "sanctions banking currency inflation budget loans bonds railway corridor port shipping "
    "drones missiles navy exercises border ceasefire refugees vaccine hospitals drought harvest "
    "elections parliament referendum coalition protests court reform pensions tourism fisheries "
    "satellite telecom semiconductors automotive steel fertilizer nuclear uranium inspectors "
    "treaty summit memorandum consortium tender investment fund customs visas airline"
).split()
VERBS = (
    "signed reviewed discussed finalized postponed announced launched suspended expanded "
    "approved rejected criticized welcomed proposed negotiated inaugurated extended renewed"
).split()
ADJ = (
    "bilateral regional strategic long-term joint preliminary comprehensive emergency "
    "multilateral landmark controversial modest ambitious contested provisional"
).split()
ORGS = ("Shanghai Cooperation Organization", "Eurasian Economic Union", "United Nations",
        "European Union", "African Union", "World Bank", "OPEC", "BRICS", "IAEA")  # fmt: skip
# Surnames from syllables: a newsroom archive names thousands of people, and events on the same
# day should not share a person by chance.
_SYL_A = "Ba Ka Mo Ri Te No Sa Vi Lo Da Fe Go Ha Ju Ke Lu Ma Ne Pa Ro Su Ta Va Ze Ar El Or Ul".split()
_SYL_B = "ran lov vic sen mar dar kin nez tov las ber rov zan mir los lin dor sky ani eli ova".split()
_SYL_C = ("", "i", "ov", "ez", "a", "son", "ski", "ani", "ur", "en", "is", "o")
LAST = tuple(sorted({a + b + c for a in _SYL_A for b in _SYL_B for c in _SYL_C} | set(LAST)))
BOILER_END = (
    "Leave a Comment", "Leave a Reply\n\nYour email address will not be published.",
    "News ID : {n}", "ISSN 2330-717X", "Share this article", "Related Topics",
)  # fmt: skip


def _a(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


class Writer:
    """Generates one article from its own random stream."""

    def __init__(self, seed: int, index: int) -> None:
        self.r = random.Random(f"{seed}:{index}")
        self.index = index
        r = self.r
        self.curly = r.random() < 0.6
        self.published = date(2012, 1, 1) + timedelta(days=r.randrange(13 * 365))
        self.country = r.choice(COUNTRIES)
        self.other = r.choice([c for c in COUNTRIES if c != self.country])
        # A cast of people for this article, drawn from a large population so that events on
        # the same day rarely share a person by chance.
        self.cast = [self.person() for _ in range(r.randint(2, 5))]
        self.mentioned: set[int] = set()
        self.last: int | None = None

    # -- pieces -------------------------------------------------------------------------------

    def person(self) -> tuple[str, str, str]:
        r = self.r
        country = r.choice((self.country, self.other, r.choice(COUNTRIES)))
        return (f"{r.choice(FIRST)} {r.choice(LAST)}", r.choice(ROLES), country[1])

    def name(self, i: int) -> str:
        """First mention: "Iranian Foreign Minister Hossein Karimi"; then the surname."""
        full, role, nationality = self.cast[i]
        self.last = i
        if i not in self.mentioned:
            self.mentioned.add(i)
            if self.r.random() < 0.5:
                return f"{nationality} {role} {full}"
            return f"{full}, the {nationality} {role.lower()},"
        return self.r.choice((full.split()[-1], full.split()[-1], f"{role} {full.split()[-1]}"))

    def q(self, text: str) -> str:
        return f"“{text}”" if self.curly else f'"{text}"'

    def words(self, n: int) -> list[str]:
        return self.r.sample(TOPIC_WORDS, n)

    def some_date(self) -> str:
        """A date expression, absolute or relative to the publication date."""
        r, pub = self.r, self.published
        roll = r.random()
        if roll < 0.22:
            return r.choice(("on ", "last ", "")) + WEEKDAYS[(pub - timedelta(days=r.randrange(7))).weekday()]
        if roll < 0.32:
            return r.choice(("last month", "earlier this month", "late last month", "last year",
                             "next week", "the coming week", "next month", "earlier this year"))  # fmt: skip
        d = pub + timedelta(days=r.randint(-900, 120))
        if roll < 0.62:
            fmt = r.choice(("on {M} {d}", "on {d} {M}", "on {M} {d}, {y}", "on {d} {M} {y}"))
            return fmt.format(M=MONTHS[d.month - 1], d=d.day, y=d.year)
        if roll < 0.75:
            return f"in {MONTHS[d.month - 1]} {d.year}" if r.random() < 0.6 else f"in {MONTHS[d.month - 1]}"
        if roll < 0.85:
            return f"in {d.year}"
        if roll < 0.93:
            e = d + timedelta(days=1)
            if e.month == d.month:
                return f"on {MONTHS[d.month - 1]} {d.day}-{e.day}"
            return f"on {MONTHS[d.month - 1]} {d.day}"
        return f"since {d.year}"

    def number(self) -> str:
        r = self.r
        return r.choice((f"${r.randint(2, 90)} billion", f"{r.randint(3, 97)} percent",
                         f"{r.randint(2, 99)}%", f"{r.randint(100, 9000):,} tonnes",
                         f"{r.randint(2, 40)} million barrels"))  # fmt: skip

    # -- sentences ----------------------------------------------------------------------------

    def fact(self, dated: bool) -> str:
        r = self.r
        a, b, c = self.words(3)
        who = self.name(r.randrange(len(self.cast))) if r.random() < 0.6 else f"{self.country[0]} and {self.other[0]}"
        when = f" {self.some_date()}" if dated else ""
        forms = (
            f"{who} {r.choice(VERBS)} {_a(r.choice(ADJ))} agreement on {a} and {b}{when}.",
            f"Officials {r.choice(VERBS)} plans for {a} worth {self.number()}{when}, a move linked to {b}.",
            f"The {r.choice(ADJ)} talks on {a} in {r.choice(COUNTRIES)[2].title()}{when} also touched on {b} and {c}.",
            f"{self.country[0]} {r.choice(VERBS)} its {a} {r.choice(('programme', 'deal', 'plan', 'project'))}{when}, after {b} rose {self.number()}.",
            f"Delegates from the {r.choice(ORGS)} met{when} to review {a}, {b} and {c}.",
            f"{who} visited {r.choice(COUNTRIES)[2].title()}{when} for talks on {a} and {b}.",
        )
        return r.choice(forms)

    def quote(self) -> str:
        r = self.r
        a, b = self.words(2)
        said = r.choice(CUES)
        body = r.choice((
            f"We are ready to work on {a} and {b}, and we expect results soon",
            f"The situation with {a} is not satisfactory at the moment",
            f"Nobody should doubt our commitment to {a}. The {b} question will be settled",
            f"This {r.choice(ADJ)} step on {a} serves both our peoples",
            f"There is no obstacle to cooperation on {b}, and {a} will follow",
        ))  # fmt: skip
        i = r.randrange(len(self.cast))
        form = r.random()
        if form < 0.35:
            return f"{self.q(body + ',')} {self.name(i)} {said}."
        if form < 0.55:
            return f"{self.name(i)} {said}: {self.q(body + '.')}"
        if form < 0.7 and self.last is not None:
            pronoun = r.choice(("he", "she", f"the {self.cast[self.last][2]} {self.cast[self.last][1].lower()}"))
            return f"{self.q(body + ',')} {pronoun} {said}."
        if form < 0.85:
            return f"According to {self.name(i)}, {self.q(body[0].lower() + body[1:] + '.')}"
        return f"{self.name(i)} said that {a} was a priority, calling the {b} plan {self.q(r.choice(ADJ))}."

    def paragraph(self) -> str:
        r = self.r
        n = r.choice((1, 1, 2, 2, 3, 4))
        parts = []
        for _ in range(n):
            roll = r.random()
            # About one sentence in five is a quote and one in six carries a date, as in news.
            sentence = self.quote() if roll < 0.2 else self.fact(dated=roll < 0.36)
            parts.append(sentence[0].upper() + sentence[1:])
        return " ".join(parts)

    # -- the article --------------------------------------------------------------------------

    def article(self) -> str:
        r, pub = self.r, self.published
        target = int(min(20_000, max(1_000, r.lognormvariate(8.6, 0.6))))
        a, b = self.words(2)
        title = r.choice((
            f"{self.country[0]}, {self.other[0]} {r.choice(VERBS)} {a} deal",
            f"{self.cast[0][0].split()[-1]} says {a} talks with {self.other[0]} {r.choice(('on track', 'stalled', 'resume'))}",
            f"{self.country[1]} {a} and {b}: what comes next",
            f"{self.other[0]} {r.choice(VERBS)} {r.choice(ADJ)} {a} plan",
        ))  # fmt: skip
        dash = "—" if r.random() < 0.7 else "-"
        paragraphs = [f"{self.country[2]} {dash} {self.fact(dated=True)}"]
        size = len(paragraphs[0])
        while size < target:
            p = self.paragraph()
            paragraphs.append(p)
            size += len(p) + 2
        if r.random() < 0.1 and len(paragraphs) > 2:
            # A quote running over two paragraphs: the first does not close its quote mark.
            o, c = ("“", "”") if self.curly else ('"', '"')
            paragraphs.insert(2, f"{o}We will keep talking about {a}. It matters to everyone here.")
            paragraphs.insert(3, f"{o}And {b} comes next,{c} {self.name(0)} said.")
        source = r.choice(SOURCES)
        undated = r.random() < 0.02
        style = r.random()
        if style < 0.12:
            fm = ["---", f"title: {title!r}"]
            if not undated:
                fm.append(f"date: {pub.isoformat()}")
            fm += [f"source: {source}", f"author: {r.choice(FIRST)} {r.choice(LAST)}",
                   f"tags: [{a}, {b}]", "---", ""]  # fmt: skip
            return "\n".join(fm) + "\n\n".join(paragraphs) + "\n"
        if undated:
            date_line = ""
        elif style < 0.5:
            date_line = f"{MONTHS[pub.month - 1]} {pub.day}, {pub.year} - {r.randint(0, 23)}:{r.randint(0, 59):02d}"
        elif style < 0.8:
            date_line = f"{pub.day} {MONTHS[pub.month - 1]} {pub.year}, {r.randint(0, 23):02d}:{r.randint(0, 59):02d} GMT"
        else:
            date_line = f"Published {MONTHS[pub.month - 1][:3]} {pub.day}, {pub.year}"
        head = [title, ""] + ([date_line, ""] if date_line and style < 0.8 else [])
        tail = [date_line] if date_line and style >= 0.8 else []
        if r.random() < 0.5:
            tail.append(r.choice(BOILER_END).format(n=r.randint(100, 99999)))
        sep = "\n\n" if r.random() < 0.7 else "\n"
        return "\n".join(head) + sep.join(paragraphs + tail) + "\n"


def article_text(seed: int, index: int) -> str:
    return Writer(seed, index).article()


def file_name(seed: int, index: int) -> str:
    return f"{index:06d}_{random.Random(f'name:{seed}:{index}').getrandbits(48):012x}.txt"


def _write_range(args: tuple[int, int, int, str]) -> int:
    seed, lo, hi, out = args
    total = 0
    for i in range(lo, hi):
        text = article_text(seed, i)
        sub = Path(out) / f"{(i // 1000):03d}"  # subfolders, as big archives have
        sub.mkdir(exist_ok=True)
        ext = ".md" if text.startswith("---") else ".txt"
        (sub / file_name(seed, i)).with_suffix(ext).write_text(text, encoding="utf-8")
        total += len(text.encode())
    return total


MANIFEST = """# Synthetic corpus written by bench/make_corpus.py
title = "Synthetic newsroom archive ({n} articles, seed {seed})"
description = "Generated for benchmarks: not real news."
"""


def make_corpus(n: int, out: Path, seed: int = 1, jobs: int | None = None) -> int:
    """Write n articles under `out`; return the number of bytes of article text written."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "timeline.toml").write_text(MANIFEST.format(n=n, seed=seed), encoding="utf-8")
    jobs = jobs or (os.cpu_count() or 1)
    step = 500
    chunks = [(seed, lo, min(n, lo + step), str(out)) for lo in range(0, n, step)]
    if jobs <= 1 or n <= step:
        return sum(map(_write_range, chunks))
    with ProcessPoolExecutor(jobs) as pool:
        return sum(pool.map(_write_range, chunks))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("n", type=int, help="number of articles")
    p.add_argument("dir", type=Path, help="output folder (created)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    args = p.parse_args(argv)
    size = make_corpus(args.n, args.dir, args.seed, args.jobs)
    print(f"{args.n} articles, {size / 1e6:.1f} MB, in {args.dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
