"""Date extraction on TempEval-3 (TimeML news): find_dates vs dateparser.search_dates.

    python bench/tempeval.py            # everything: accuracy on train and platinum, throughput
    python bench/tempeval.py --errors train   # list misses and false dates on train (for tuning)

Gold: TIMEX3 of type DATE whose value is YYYY, YYYY-MM or YYYY-MM-DD. A prediction counts only
if its value has one of those shapes too (weeks and unresolved mentions are ignored on both
sides). A hit is a prediction overlapping a gold span with the same value; each gold and each
prediction is used at most once. The reference date is the document creation time (DCT).
A range mention of find_dates counts as two predictions on its span (its start and its end
value), since TimeML annotates "between 1985 and 1987" as two dates. "strict" compares values
exactly; "lenient" cuts the predicted value to the gold's precision first (dateparser can only
answer at day precision: "in May" -> 2022-05-15 matches gold 2022-05 leniently).
Tune on train only; platinum is for reporting.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
import warnings
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.corpus.dates import find_dates  # noqa: E402

DATA = Path("/work/shared/data/tempeval3")
SETS = {"train": ["train/TimeBank", "train/AQUAINT"], "platinum": ["test-platinum"]}
SHAPE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Doc:
    name: str
    dct: date
    text: str
    gold: list[tuple[int, int, str, str]]  # start, end, value, surface


def load(path: Path) -> Doc:
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4})-?(\d{2})-?(\d{2})", raw)
    assert dct_m, path
    dct = date(int(dct_m[1]), int(dct_m[2]), int(dct_m[3]))
    body = raw[raw.index("<TEXT>") + 6: raw.index("</TEXT>")]
    parts: list[str] = []
    n = 0
    gold = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        parts.append(chunk)
        n += len(chunk)
        pos = m.end()
        if m[2] != "TIMEX3":
            continue
        if m[1] == "":
            open_timex = (n, dict(_ATTR.findall(m[3])))
        elif open_timex is not None:
            start, attrs = open_timex
            open_timex = None
            if attrs.get("type") == "DATE" and SHAPE.match(attrs.get("value", "")):
                gold.append((start, n, attrs["value"], ""))
    parts.append(html.unescape(body[pos:]))
    text = "".join(parts)
    gold = [(s, e, v, text[s:e]) for s, e, v, _ in gold]
    return Doc(path.name, dct, text, gold)


def docs(name: str) -> list[Doc]:
    return [load(p) for d in SETS[name] for p in sorted((DATA / d).glob("*.tml"))]


def ours(doc: Doc) -> list[tuple[int, int, str, str]]:
    """Our mentions; a range ("between 1985 and 1987") predicts both its ends on its span."""
    out = []
    for m in find_dates(doc.text, doc.dct):
        for v in (m.value, m.end_value):
            if v and SHAPE.match(v):
                out.append((m.start, m.end, v, m.text))
    return out


_DP_SETTINGS: dict = {}


def theirs(doc: Doc) -> list[tuple[int, int, str, str]]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime(doc.dct.year, doc.dct.month, doc.dct.day)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(doc.text, languages=["en"], settings=settings) or []
    out, pos = [], 0
    for sub, dt in found:
        i = doc.text.find(sub, pos)
        if i < 0:
            i = doc.text.find(sub)
            if i < 0:
                continue
        else:
            pos = i + len(sub)
        out.append((i, i + len(sub), dt.date().isoformat(), sub))
    return out


def same(pv: str, gv: str, lenient: bool) -> bool:
    return pv[:len(gv)] == gv if lenient else pv == gv


def score(gold, pred, lenient: bool = False):
    used = set()
    hits = 0
    matched_pred = set()
    for j, (ps, pe, pv, _) in enumerate(pred):
        for i, (gs, ge, gv, _) in enumerate(gold):
            if i not in used and ps < ge and gs < pe and same(pv, gv, lenient):
                used.add(i)
                matched_pred.add(j)
                hits += 1
                break
    return hits, used, matched_pred


def evaluate(collection: list[Doc], finder, show_errors: bool = False, lenient: bool = False):
    tp = fp = fn = 0
    for doc in collection:
        pred = finder(doc)
        hits, used, mp = score(doc.gold, pred, lenient)
        tp += hits
        fp += len(pred) - hits
        fn += len(doc.gold) - hits
        if show_errors:
            for i, g in enumerate(doc.gold):
                if i not in used:
                    ctx = doc.text[max(0, g[0] - 60):g[1] + 30].replace("\n", " ")
                    print(f"MISS {doc.name} dct={doc.dct} gold={g[2]} {g[3]!r}  | {ctx}")
            for j, p in enumerate(pred):
                if j not in mp:
                    ctx = doc.text[max(0, p[0] - 60):p[1] + 30].replace("\n", " ")
                    print(f"FALSE {doc.name} dct={doc.dct} pred={p[2]} {p[3]!r}  | {ctx}")
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1, tp, fp, fn


def throughput(collection: list[Doc], finder) -> tuple[float, int]:
    size = sum(len(d.text.encode("utf-8")) for d in collection)
    t0 = time.perf_counter()
    for d in collection:
        finder(d)
    return size / (time.perf_counter() - t0) / 1e6, size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", choices=["train"], help="list our errors on a set (train only)")
    ap.add_argument("--no-dateparser", action="store_true", help="skip dateparser (fast)")
    args = ap.parse_args()
    if args.errors:
        print(evaluate(docs(args.errors), ours, show_errors=True))
        return

    rows = []
    finders = [("find_dates", ours)] + ([] if args.no_dateparser else [("dateparser", theirs)])
    for name in SETS:
        collection = docs(name)
        ngold = sum(len(d.gold) for d in collection)
        for who, finder in finders:
            cache = {d.name: finder(d) for d in collection}
            cached = lambda d, c=cache: c[d.name]  # noqa: E731
            for mode in ("strict", "lenient"):
                rows.append((name, who, mode, *evaluate(collection, cached, lenient=mode == "lenient"),
                             len(collection), ngold))
    print(f"{'set':9} {'finder':11} {'match':8} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5} {'docs':>5} {'gold':>5}")
    for name, who, mode, p, r, f, tp, fp, fn, nd, ng in rows:
        print(f"{name:9} {who:11} {mode:8} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5d} {fp:5d} {fn:5d} {nd:5d} {ng:5d}")
    print("strict: same value; lenient: the predicted value cut to the gold's precision "
          "(2022-01-19 matches gold 2022-01 or 2022). Both need overlapping spans.")

    # Throughput on the same text: all train documents (about 0.5 MB), best of 3 runs each.
    train = docs("train")
    ours_mbs = max(throughput(train, ours)[0] for _ in range(3))
    size = sum(len(d.text.encode("utf-8")) for d in train)
    print(f"\nthroughput find_dates : {ours_mbs:8.3f} MB/s  ({size / 1e6:.2f} MB: all train documents)")
    if not args.no_dateparser:
        dp_mbs = max(throughput(train, theirs)[0] for _ in range(3))
        print(f"throughput dateparser : {dp_mbs:8.3f} MB/s  (same text)")
        print(f"find_dates is {ours_mbs / dp_mbs:.0f}x faster than dateparser.search_dates")

if __name__ == "__main__":
    main()
