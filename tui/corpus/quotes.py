"""Direct quotes in an article body and who said them.

Spans come from `quote_marks`. Attribution reads the text around each quote with the quoted
words masked out (names inside a quote are never its speaker):

- after the quote: `“…,” X said.`, `“…,” said X.`, `“…,” the Russian president told his
  Iranian counterpart.`, `“…,” he added.`, `“…,” according to X.`
- before it: `X said, “…”`, `X, the foreign minister, said: “…”`, `X said that … “…”`,
  `According to X, "…"`, `X was quoted as saying "…"`, `Tass quoted X as saying "…"` (the medium
  is not the speaker), `X …, saying, “…”` (the subject of the sentence).
- neither: a quote that directly follows a quote or a speech report ("X emphasized that …") in
  the previous sentence continues that speaker; otherwise the speaker is None (never a guess).

X is a person's name or alias, a pronoun ("he", "she": the latest compatible person, by
sentence, preferring a quote's speaker, then the sentence's subject) or a role phrase ("the
Russian president", "the President", even "The pPresident": the person holding a compatible
role, preferring the best nationality match, then the latest mentioned).
"""

from __future__ import annotations

import re

from .model import Person, Quote
from .people import _alias_regex, _name_capable, _Tok, find_people, plausible_name, strip_honorifics
from .people_lexicon import CUE_ADVERBS, CUE_PARTICIPLES, CUE_VERBS, HONORIFICS, NATIONALITIES, PRONOUNS, TITLES, ROLE_NOUNS
from .quote_marks import Sentences, Span, find_spans, is_fragment, mask
from .quote_mentions import Mentions
from .roles import gender, is_role_phrase
from .word_starts import trie

# Alternations of words factored by their beginnings (far faster to try): they try the words
# that match at a place longest first, as "|".join(sorted(words, key=len, reverse=True)) would.
_CUE = trie(set(CUE_VERBS) | {"went on to say", "pointed out"})
_ADV = trie(CUE_ADVERBS)
_NP = r"[^,.;:!?“”\"\n]{1,100}?"

_TAIL_SUBJ_CUE = re.compile(rf"^[\s,]*(?P<subj>{_NP})\s+(?:(?:{_ADV})\s+)*(?P<cue>{_CUE})\b")
_TAIL_CUE_SUBJ = re.compile(rf"^[\s,]*(?P<cue>{_CUE})\s+(?P<subj>{_NP})\s*(?:[,.;:!?“\"]|$)")
_TAIL_ACCORDING = re.compile(rf"^[\s,]*(?P<cue>according\s+to)\s+(?P<subj>{_NP})\s*(?:[,.;:!?]|$)", re.I)
_HEAD_ACCORDING = re.compile(rf"\b(?P<cue>[Aa]ccording\s+to)\s+(?P<subj>{_NP}),?\s*$")
_HEAD_QUOTED = re.compile(rf"\bquoted\s+(?P<subj>{_NP})\s+as\s+saying\s*[,:]?\s*$")
_HEAD_WAS_QUOTED = re.compile(r"\s+(?:was|were|is|has\s+been)\s+quoted\s+as\s+saying\s*[,:]?\s*$")
_OBJ = r"(?:\s+(?:in|on|at|to|during|after|before|from|via|through|with|while|when|late|earlier|this|last)\b[^,:;“”\"]{0,80}?|\s+(?:reporters|journalists|lawmakers|the\s+[\w-]+(?:\s+[\w-]+)?|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?))?"
_PREP = r"(?:\s+(?:in|on|at|to|during|after|before|from|via|through|with|while|when|late|earlier|this|last)\b[^,:;“”\"]{0,80}?)?"
_TELL = "told tells tell telling asked asks asking informed assured reminded urged".split()


def _first_letters(words: set[str]) -> str:
    return "[" + "".join(sorted({w[0] for w in words})) + "]"


def _after_first_letter(words: set[str]) -> str:
    """The words without their first letter, as a trie whose ends check the whole word behind
    them: after `_first_letters(words)` and "(?<!\\w.)" (the "\\b" before the word), it matches
    what "\\b(?:word|...)" does, and the pattern starts with a character set, so that the engine
    skips to those letters instead of trying every position of the head. (Of the words, at most
    one can be followed by what these patterns want next, a space, "," ":" or the end, so the
    order they are tried in changes nothing.)"""
    return trie(words, lambda w: w[1:], lambda ws: f"(?<={'|'.join(map(re.escape, ws))})")


# Searched for in the head of a quote's sentence (before it): the groups "tell" and "cue" hold the
# word but its first letter (see `_cue_before`).
_CUE_WORDS = set(CUE_VERBS) | {"went on to say", "pointed out"} | set(CUE_PARTICIPLES)
_HEAD_CUE_END = re.compile(
    rf"{_first_letters(_CUE_WORDS | set(_TELL))}(?<!\w.)"
    rf"(?:(?P<tell>{_after_first_letter(set(_TELL))}){_OBJ}|(?P<cue>{_after_first_letter(_CUE_WORDS)})(?P<that>\s+that)?{_PREP})"
    rf"\s*[,:]?\s*$"
)
_HEAD_CUE_THAT = re.compile(rf"{_first_letters(_CUE_WORDS)}(?<!\w.)(?P<cue>{_after_first_letter(_CUE_WORDS)})\s+that\b")
_CUE_ANY = re.compile(rf"\b(?P<cue>{_CUE})\b")
_ADV_END = re.compile(rf"(?:\s+(?:{_ADV}))+\s*$")
_ADVERBS = frozenset(CUE_ADVERBS)
_WORDS = re.compile(r"[^\W\d_][\w'’.-]*")
# A clause break: a punctuation mark, or a conjunction and the space after it. (One character set
# first, so the engine skips to those characters; "(?<!\w.)" after a letter is the "\b" before it.)
_CLAUSE = re.compile(
    r"[,;:(—–abw](?:(?<=[,;:(—–])|(?<!\w.)(?:(?<=a)(?:nd|s|fter|lthough)|(?<=b)(?:ut|efore|ecause)|(?<=w)(?:hile|hen))\s)"
)
_PARTICIPLES = frozenset(CUE_PARTICIPLES)
_LEADING_AND = re.compile(r"^(?:and|but|then|as)\s+")
_LEADING_WORDS = ("and", "but", "then", "as")


class _Context:
    """Names, role phrases and speakers of one article, with salience for pronouns and roles."""

    def __init__(self, text: str, masked: str, people: list[Person]) -> None:
        self.masked = masked
        self.people = {p.name: p for p in people}
        self._genders: dict[str, str | None] = {}
        self.order = [p.name for p in people]
        owner: dict[str, str] = {}
        surnames: dict[str, set[str]] = {}
        for p in people:
            surnames.setdefault(p.name.split()[-1], set()).add(p.name)
        for p in people:
            for form in sorted(p.aliases | {p.name}, key=len, reverse=True):
                owner.setdefault(form, p.name)
                owner.setdefault(_stripped(form), p.name)
            sn = p.name.split()[-1]
            if len(surnames[sn]) == 1:
                owner.setdefault(sn, p.name)
        self.owner = owner
        self.alias_rx = _alias_regex(owner)
        self.sentences = Sentences(masked)
        self.mentions = Mentions(masked, self.people, self.order, owner, self.alias_rx)
        self.add_speaker = self.mentions.add_speaker
        self.role = self.mentions.role
        # What a phrase resolves to apart from its position (see `_np_kind`), per phrase.
        self._np_kinds: dict[str, tuple[object, str | None]] = {}
        self._end_kinds: dict[str, tuple[object, str | None]] = {}

    def pronoun(self, word: str, pos: int) -> str | None:
        want = PRONOUNS.get(word.lower())
        if want is None:
            return None
        sidx = self.sentences.index(pos)
        spans = self.sentences.spans
        near = self.mentions.between(spans[max(0, sidx - 3)][0], pos)
        found = [(m[0], m[2], self._gender(m[2])) for m in near]  # (each gender looked up once)
        # "he": anyone not known to be a woman; "she": a woman, else anyone of unknown gender.
        # The first one that fits in the latest sentence holding one.
        passes = [{"m", None}] if want == "m" else [{"f"}, {None}]
        for allowed in passes:
            for s in range(sidx, max(-1, sidx - 4), -1):
                lo, hi = spans[s]
                hi = min(hi, pos)
                for at, who, g in found:
                    if lo <= at < hi and g in allowed:
                        return who
        return None

    def _gender(self, name: str) -> str | None:
        if name not in self._genders:  # (people do not change while quotes are read)
            p = self.people.get(name)
            self._genders[name] = gender(p) if p else None
        return self._genders[name]

    def resolve_np(self, np: str, pos: int) -> str | None:
        """A noun phrase that is the whole subject: "Russian Foreign Minister Sergei Lavrov",
        "he", "the Russian president", "Putin"."""
        kind = self._np_kinds.get(np)
        if kind is None:
            kind = self._np_kinds[np] = self._np_kind(np)
        if kind[0] is _PRONOUN:
            return self.pronoun(kind[1], pos)
        if kind[0] is _ROLE:
            return self.role(kind[1], pos)
        return kind[1]

    def _np_kind(self, np: str) -> tuple[object, str | None]:
        """What `resolve_np` makes of `np`, apart from the position: (_PRONOUN, the pronoun),
        (_ROLE, the role phrase) or (_PERSON, the person or None)."""
        np = _drop_end_adverbs(np.strip()).strip()
        if np.startswith(_LEADING_WORDS):  # (what `_LEADING_AND` can take: its words)
            np = _LEADING_AND.sub("", np)
        if not np:
            return _PERSON, None
        if np.lower() in PRONOUNS:
            return _PRONOUN, np
        if np in self.owner:  # (the whole phrase is a name form: the only match there is)
            return _PERSON, self.owner[np]
        if self.alias_rx:
            for start, form in self.alias_rx.spans(np):
                end = start + len(form)
                rest = (np[:start] + " " + np[end:]).split()
                if all(_is_title_word(w) for w in rest) or (not np[end:].strip() and _described_by_role(rest)):
                    return _PERSON, self.owner[form]
        if is_role_phrase(np):
            return _ROLE, np
        return _PERSON, _unknown_name(np)

    def resolve_before(self, pre: str, pos: int) -> str | None:
        """The subject right before a speech verb: the end of `pre` ("…, Raisi", "At the
        meeting President Raisi", "Mikhail Ulyanov, the Russian ambassador …,")."""
        pre = _drop_end_adverbs(pre.rstrip()).rstrip()
        appositive = None
        if pre.endswith(","):
            body = pre[:-1]
            cut = body.rfind(",")
            if cut >= 0 and len(body) - cut < 160:
                appositive = body[cut + 1 :].strip()
                pre = body[:cut]
            else:
                pre = body
        clause = _CLAUSE.split(pre)[-1].strip() if pre else ""
        who = self._np_at_end(clause, pos)
        if who is None and appositive:
            who = self._np_at_end(appositive, pos) if is_role_phrase(appositive) else None
        return who

    def _np_at_end(self, clause: str, pos: int) -> str | None:
        kind = self._end_kinds.get(clause)
        if kind is None:
            kind = self._end_kinds[clause] = self._end_kind(clause)
        if kind[0] is _PRONOUN:
            return self.pronoun(kind[1], pos)
        if kind[0] is _ROLE:
            return self.role(kind[1], pos)
        return kind[1]

    def _end_kind(self, clause: str) -> tuple[object, str | None]:
        """What `_np_at_end` makes of `clause`, apart from the position (as in `_np_kind`)."""
        if not clause:
            return _PERSON, None
        words = clause.split()
        if words[-1].lower() in PRONOUNS:
            return _PRONOUN, words[-1]
        if clause in self.owner:  # (as in `_np_kind`)
            return _PERSON, self.owner[clause]
        if self.alias_rx:
            hit = None
            for start, form in self.alias_rx.spans(clause):
                if start + len(form) == len(clause):
                    hit = self.owner[form]
            if hit:
                return _PERSON, hit
        for k in range(min(7, len(words)), 1, -1):
            phrase = " ".join(words[-k:])
            if is_role_phrase(phrase):
                return _ROLE, phrase
        # A name we do not know: the trailing capitalized words.
        tail = []
        for w in reversed(words):
            if w[:1].isupper():
                tail.insert(0, w)
            else:
                break
        return _PERSON, (_unknown_name(" ".join(tail)) if tail else None)

    def subject(self, lo: int, hi: int) -> str | None:
        """The first person mentioned in masked[lo:hi] (the sentence subject)."""
        seg = self.masked[lo:hi]
        m = re.search(r"\b([Hh]e|[Ss]he)\b", seg)
        found = self.mentions.between(lo, hi)
        first = found[0] if found else None
        if m and (first is None or lo + m.start() < first[0]):
            return self.pronoun(m.group(1), lo + m.start())
        return first[2] if first else None


_PRONOUN, _ROLE, _PERSON = object(), object(), object()  # kinds of phrases (see `_np_kind`)


def _stripped(form: str) -> str:
    """`strip_honorifics`, remembered (the same names come back article after article)."""
    got = _STRIPPED.get(form)
    if got is None:
        if len(_STRIPPED) > 50_000:
            _STRIPPED.clear()
        got = _STRIPPED[form] = strip_honorifics(form)
    return got


_STRIPPED: dict[str, str] = {}


def _drop_end_adverbs(text: str) -> str:
    """`text` (no whitespace at its end) without the cue adverbs at its end ("he also")."""
    words = text.rsplit(None, 1)
    if len(words) < 2 or words[1] not in _ADVERBS:
        return text  # (`_ADV_END` needs a space and an adverb last)
    return _ADV_END.sub("", text)


def _is_title_word(word: str) -> bool:
    w = word.lower().rstrip(",")
    return w in TITLES or w in HONORIFICS or w in NATIONALITIES or w in {"the", "his", "her"} or w.endswith(("'s", "’s"))


def _described_by_role(words: list[str]) -> bool:
    """Lower-case words before a name that end in a role ("union leader", "port chief
    executive", "senior analyst"): the name's description, as a title would be."""
    if not 1 <= len(words) <= 4 or not all(w.replace("-", "").isalpha() and w.islower() for w in words):
        return False
    return words[-1] in TITLES or words[-1] in ROLE_NOUNS


def _unknown_name(np: str) -> str | None:
    words = np.split()
    while words and _is_title_word(words[0]):
        words.pop(0)
    if not 2 <= len(words) <= 4:
        return None
    if all(_name_capable(_Tok(0, len(w), w)) for w in words) and plausible_name(" ".join(words)):
        return strip_honorifics(" ".join(words))
    return None


def _attribute(ctx: _Context, sp: Span, s_lo: int, s_hi: int) -> tuple[str | None, str | None, bool, bool]:
    """(speaker, cue, attributed after the quote, cue before it); masked[s_lo:s_hi]: the sentence
    of the quote's opening mark."""
    masked = ctx.masked
    head = masked[s_lo : sp.open]
    after = (sp.close + 1) if sp.close is not None else sp.raw_end
    nxt = masked.find("“", after, s_hi)
    tail = masked[after : nxt if nxt >= 0 else max(after, s_hi)] if sp.close is not None else ""
    found: tuple[str | None, str | None] | None = None
    # After the quote. (Each tail pattern needs five characters or more: a cue and a name.)
    if len(tail) >= 5:
        m = _TAIL_ACCORDING.match(tail)
        if m:
            return ctx.resolve_np(m.group("subj"), after), "according to", True, False
        m = _TAIL_SUBJ_CUE.match(tail)
        if m and len(m.group("subj").split()) <= 8:
            who = ctx.resolve_np(m.group("subj"), after + m.start("subj"))
            if who:
                return who, m.group("cue").lower(), True, False
            found = (None, m.group("cue").lower())
        m = _TAIL_CUE_SUBJ.match(tail)
        if m:
            who = ctx.resolve_np(m.group("subj"), after + m.start("subj"))
            if who:
                return who, m.group("cue").lower(), True, False
            found = found or (None, m.group("cue").lower())
    # Before the quote. (Each pattern is tried only when the head holds its literal words.)
    if "quoted" in head:
        m = _HEAD_QUOTED.search(head)
        if m:
            return ctx.resolve_np(m.group("subj"), s_lo + m.start("subj")), "quoted as saying", False, True
        m = _HEAD_WAS_QUOTED.search(head)
        if m:
            return ctx.resolve_before(head[: m.start()], s_lo + m.start()), "quoted as saying", False, True
    if "ccording" in head:
        m = _HEAD_ACCORDING.search(head)
        if m:
            return ctx.resolve_np(m.group("subj"), s_lo + m.start("subj")), "according to", False, True
    m = _HEAD_CUE_END.search(head) if head else None
    if m is None and "that" in head:
        ms = list(_HEAD_CUE_THAT.finditer(head))
        m = ms[-1] if ms else None
    if m:
        cue = _cue_before(head, m)
        if cue in _PARTICIPLES:
            who = ctx.subject(s_lo, s_lo + m.start())
        else:
            who = ctx.resolve_before(head[: m.start()], s_lo + m.start())
        if who or not found:
            return who, cue, bool(found), True
    if found:
        return found[0], found[1], True, False
    return None, None, False, False


def _cue_before(head: str, m: re.Match[str]) -> str:
    """The cue word of a match of `_HEAD_CUE_END` or `_HEAD_CUE_THAT` in `head`, in lower case."""
    end = m.end("cue")
    return head[m.start() : end if end >= 0 else m.end("tell")].lower()


def _speech_report(ctx: _Context, lo: int, hi: int) -> tuple[str | None, str | None]:
    """A speaker reported in masked[lo:hi] ("Raisi emphasized that …"), or (None, None)."""
    seg = ctx.masked[lo:hi]
    for m in _CUE_ANY.finditer(seg):
        who = ctx.resolve_before(seg[: m.start()], lo + m.start())
        if who:
            return who, m.group("cue").lower()
    return None, None


def find_quotes(text: str, people: list[Person] | None = None, article_id: str = "") -> list[Quote]:
    """Every direct quote in `text`, in order, with its speaker when the text says who."""
    spans = find_spans(text)
    if not spans:
        return []
    if people is None:
        people = find_people(text)
    masked = mask(text, spans)
    ctx = _Context(text, masked, people)
    sentences = ctx.sentences
    quotes: list[Quote] = []
    # The last quote's speaker and where it ends (its sentence is looked up only when asked).
    prev_speaker: str | None = None
    prev_end = -1
    for sp in spans:
        sidx = sentences.index(sp.open)
        speaker, cue, after, before = _attribute(ctx, sp, *sentences.spans[sidx])
        fragment = is_fragment(text, sp, after, before)
        if speaker is None and cue is None and not fragment and sidx > 0:
            # Continuation: the previous sentence holds this speaker's quote or speech report.
            p_lo, p_hi = sentences.spans[sidx - 1]
            close_para = sentences.paragraph(sp.open) - sentences.paragraph(p_hi - 1) <= 1
            if close_para:
                if prev_speaker and sentences.index(prev_end) in (sidx - 1, sidx):
                    speaker = prev_speaker
                else:
                    speaker, cue = _speech_report(ctx, p_lo, p_hi)
        if speaker:
            ctx.add_speaker(sp.open, speaker)
        # (`Quote` is a named tuple: made directly, without its `__new__` in Python)
        quotes.append(_new_tuple(Quote, (text[sp.start : sp.end], sp.start, sp.end, speaker, cue, fragment, article_id)))
        prev_speaker, prev_end = speaker, (sp.end if sp.close is None else sp.close)
    return quotes


_new_tuple = tuple.__new__
