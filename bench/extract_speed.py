"""Per-article loading and extraction speed, and output identity against another source tree.

    python bench/extract_speed.py                  # MB/s per stage for this tree
    python bench/extract_speed.py --compare DIR    # this tree vs the `tui` under DIR (ratios)
    python bench/extract_speed.py --check DIR      # outputs identical to DIR's on every sample?

Sample (deterministic): every 40th article file (sorted by path) of the synthetic corpus, the
TempEval-3 train texts (tags stripped, the document date given as a manifest override so
relative dates resolve), and the five bundled articles. MB = bytes of the files as read.

Stages: load (`load_article_bytes`), find_people, find_dates, find_quotes, assign_topics, each
timed on its own; "core" = their sum; local_drafts (on those stages' outputs, timed on its own,
not in "core"); "whole" = load + `extract` (what the index build does per file, including
anything `extract` adds beyond the four stages, such as local_drafts). Each
tree runs in its own subprocess (the other tree is imported from DIR first on sys.path, the
editable-install finder dropped, as bench/frozen.py does); --compare alternates the two trees
for --rounds rounds and keeps each tree's best time per stage, so machine noise mostly cancels.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import pickle
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = Path("/tmp/timeline-bench/corpus-20000-s1")
TEMPEVAL = Path("/work/shared/data/tempeval3/train")
BUNDLED = REPO / "articles"
STAGES = ("load", "find_people", "find_dates", "find_quotes", "assign_topics", "core", "local_drafts", "whole")
EXTRACTED = ("dates", "people", "quotes", "topics", "drafts")  # the fields compared


def _use_tree(src: str | None) -> None:
    if not src:
        sys.path.insert(0, str(REPO))
        return
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in getattr(f, "__name__", type(f).__name__).lower()]
    sys.path.insert(0, src)
    for name in [m for m in sys.modules if m == "tui" or m.startswith("tui.")]:
        del sys.modules[name]


def _tempeval_text(path: Path) -> tuple[str, str]:
    """(plain text, document date) of one TimeML file."""
    raw = path.read_text(encoding="utf-8")
    m = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4})-?(\d{2})-?(\d{2})", raw)
    dct = f"{m[1]}-{m[2]}-{m[3]}" if m else ""
    body = raw[raw.index("<TEXT>") + 6 : raw.index("</TEXT>")]
    return html.unescape(re.sub(r"<[^>]*>", "", body)), dct


def sample(step: int = 40):
    """[(group, path shown, id, bytes, override)], and the manifest folder of each group."""
    out = []
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".txt") and p.is_file())
    for p in files[::step]:
        out.append(("corpus", str(p.relative_to(CORPUS.parent)), p.stem, p.read_bytes(), None))
    for p in sorted(TEMPEVAL.rglob("*.tml")):
        text, dct = _tempeval_text(p)
        out.append(("tempeval", p.name, p.stem, text.encode(), {"date": dct} if dct else None))
    for p in sorted(BUNDLED.glob("*.txt")) + sorted(BUNDLED.glob("*.md")):
        out.append(("bundled", f"articles/{p.name}", p.stem, p.read_bytes(), None))
    return out, {"corpus": CORPUS, "tempeval": None, "bundled": BUNDLED}


def _manifests(roots):
    from tui.corpus.manifest import load_manifest
    from tui.corpus.model import Manifest

    return {g: (load_manifest(r)[0] if r else Manifest()) for g, r in roots.items()}


def _canon(x):
    """A comparable form: dataclasses by field, sets sorted (their order depends on hashing)."""
    fields = getattr(type(x), "__dataclass_fields__", None)
    if fields is not None:
        return (type(x).__name__, tuple((f, _canon(getattr(x, f))) for f in fields))
    if isinstance(x, (set, frozenset)):
        return ("set", tuple(sorted((_canon(v) for v in x), key=repr)))
    if isinstance(x, (list, tuple)):
        return tuple(_canon(v) for v in x)
    if isinstance(x, dict):
        return ("dict", tuple((_canon(k), _canon(v)) for k, v in x.items()))
    return x


def worker_dump(src: str | None, out: str, step: int) -> None:
    _use_tree(src)
    from tui.corpus.extract import extract
    from tui.corpus.loader import load_article_bytes

    items, roots = sample(step)
    manifests = _manifests(roots)
    rows = []
    for group, path, aid, data, override in items:
        article, problems = load_article_bytes(data, path, aid, override)
        ext = extract(article, manifests[group]) if article is not None else None
        found = None if ext is None else tuple((f, _canon(getattr(ext, f))) for f in EXTRACTED)
        rows.append((path, _canon(article), _canon(problems), found))
    with open(out, "wb") as handle:
        pickle.dump(rows, handle, protocol=5)


def worker_time(src: str | None, reps: int, step: int) -> dict:
    _use_tree(src)
    from tui.corpus.dates import find_dates
    from tui.corpus.extract import extract
    from tui.corpus.loader import load_article_bytes
    from tui.corpus.local_drafts import local_drafts
    from tui.corpus.people import find_people
    from tui.corpus.quotes import find_quotes
    from tui.corpus.topics import assign_topics

    items, roots = sample(step)
    manifests = _manifests(roots)
    clock = time.process_time  # CPU time: the machine is shared, and MB/s per core is the question
    best = {s: float("inf") for s in STAGES}
    for _ in range(reps):
        t = dict.fromkeys(STAGES, 0.0)
        loaded = []
        for group, path, aid, data, override in items:
            t0 = clock()
            article, _ = load_article_bytes(data, path, aid, override)
            t["load"] += clock() - t0
            if article is not None:
                loaded.append((article, manifests[group]))
        for article, manifest in loaded:
            pub = article.published
            ref = pub.first_day if pub is not None and pub.day else None
            body = article.body
            t0 = clock()
            people = find_people(body, manifest.people)
            t1 = clock()
            dates = find_dates(body, ref)
            t2 = clock()
            quotes = find_quotes(body, people, article.id)
            t3 = clock()
            topics = assign_topics(f"{article.title}\n{body}", manifest.topics or None)
            t4 = clock()
            # (right after assign_topics, as in `extract`: it reuses that scan of the same text)
            local_drafts(article, dates, people, quotes, topics, manifest.topics)
            t5 = clock()
            t["find_people"] += t1 - t0
            t["find_dates"] += t2 - t1
            t["find_quotes"] += t3 - t2
            t["assign_topics"] += t4 - t3
            t["local_drafts"] += t5 - t4
        t["core"] = t["load"] + t["find_people"] + t["find_dates"] + t["find_quotes"] + t["assign_topics"]
        for group, path, aid, data, override in items:
            t0 = clock()
            article, _ = load_article_bytes(data, path, aid, override)
            if article is not None:
                extract(article, manifests[group])
            t["whole"] += clock() - t0
        for s in STAGES:
            best[s] = min(best[s], t[s])
    return {"mb": sum(len(i[3]) for i in items) / 1e6, "files": len(items), "best": best}


def _run(src: str | None, args, mode: str, out: str | None = None) -> dict | None:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", mode, "--step", str(args.step),
           "--reps", str(args.reps)]
    if src:
        cmd += ["--src", src]
    if out:
        cmd += ["--out", out]
    res = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    if res.returncode != 0:
        sys.exit(f"worker failed ({src or 'this tree'}):\n{res.stderr}")
    return json.loads(res.stdout) if mode == "time" else None


def _table(runs: dict[str, dict]) -> None:
    names = list(runs)
    mb = runs[names[0]]["mb"]
    head = f"{'stage':<14}" + "".join(f"{n:>12}" for n in names) + ("   ratio" if len(names) == 2 else "")
    print(head + "   (MB/s; best time per stage)")
    for s in STAGES:
        rates = [mb / runs[n]["best"][s] for n in names]
        line = f"{s:<14}" + "".join(f"{r:>12.2f}" for r in rates)
        if len(names) == 2:
            line += f"   {rates[0] / rates[1]:5.2f}x"
        print(line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--compare", metavar="DIR", help="time this tree against the tui under DIR")
    ap.add_argument("--check", metavar="DIR", help="assert identical outputs against the tui under DIR (Article fields, problems, and the Extraction fields dates, people, quotes, topics, drafts)")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds for --compare")
    ap.add_argument("--reps", type=int, default=2, help="passes over the sample per worker run")
    ap.add_argument("--step", type=int, default=40, help="every Nth corpus file")
    ap.add_argument("--worker", choices=("time", "dump"), help=argparse.SUPPRESS)
    ap.add_argument("--src", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker == "time":
        print(json.dumps(worker_time(args.src, args.reps, args.step)))
        return
    if args.worker == "dump":
        worker_dump(args.src, args.out, args.step)
        return
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            a, b = os.path.join(tmp, "this.pkl"), os.path.join(tmp, "other.pkl")
            _run(None, args, "dump", a)
            _run(args.check, args, "dump", b)
            rows_a = pickle.load(open(a, "rb"))
            rows_b = pickle.load(open(b, "rb"))
        assert len(rows_a) == len(rows_b), (len(rows_a), len(rows_b))
        bad = [ra[0] for ra, rb in zip(rows_a, rows_b) if ra != rb]
        for path in bad[:20]:
            print("DIFFERENT:", path)
        print(f"{len(rows_a) - len(bad)}/{len(rows_a)} files identical (Article fields, problems, Extraction)")
        sys.exit(1 if bad else 0)
    if args.compare:
        runs: dict[str, dict] = {}
        for r in range(args.rounds):
            for name, src in (("this", None), ("other", args.compare)) if r % 2 == 0 else (("other", args.compare), ("this", None)):
                got = _run(src, args, "time")
                if name in runs:
                    runs[name]["best"] = {s: min(runs[name]["best"][s], got["best"][s]) for s in STAGES}
                else:
                    runs[name] = got
        print(f"sample: {runs['this']['files']} files, {runs['this']['mb']:.2f} MB; {args.rounds} rounds x {args.reps} reps")
        _table({"this": runs["this"], "other": runs["other"]})
        return
    got = _run(None, args, "time")
    print(f"sample: {got['files']} files, {got['mb']:.2f} MB; {args.reps} reps")
    _table({"this": got})


if __name__ == "__main__":
    main()
