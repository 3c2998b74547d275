"""Corpus assembly speed (`tui.corpus.assemble.assemble`) and output identity against another tree.

    python bench/assemble_speed.py --make-input          # extract the corpus once (frozen tree)
    python bench/assemble_speed.py --base /tmp/x2/base   # time base and this tree, alternating

--make-input reads and extracts every article of --corpus with the tree at --base (in a process
pool, as the index build does, no cache) and pickles (root, manifest, articles, extractions,
problems) to --input. The timing runs then load that pickle in a fresh subprocess per tree and
run: the per-article additions this tree makes to the extraction (fields of `Extraction` the
base tree lacks, filled by `tui.corpus.local_drafts` as `extract()` does; timed on its own, in
one process: the build runs it in parallel in the extraction workers), then `assemble`, timed.

Identity: each run hashes the assembled corpus: events (id, span, title, mentions, people,
topics, kind, in order), people (name, aliases, roles, in order), articles (people, topics,
quotes, dates, in order), title and problems; the hashes of the two trees must be equal. Every
subprocess gets the same PYTHONHASHSEED (set iteration order then agrees between the trees).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import pickle
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = Path("/tmp/timeline-bench/corpus-20000-s1")
INPUT = Path("/tmp/x2/input.pkl")


def _use_tree(src: str | None) -> None:
    if not src:
        return
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in getattr(f, "__name__", type(f).__name__).lower()]
    sys.path.insert(0, src)


# -- the input ------------------------------------------------------------------------------

_PLAN = None
_MANIFEST = None


def _work(i: int):
    from tui.corpus import build

    read_one = getattr(build, "_read_one", None) or __import__("tui.corpus.read_files", fromlist=["read_one"]).read_one
    return i, read_one(_PLAN.entries[i], _MANIFEST)


def make_input(corpus: Path, out: Path) -> None:
    global _PLAN, _MANIFEST
    from multiprocessing import get_context

    from tui.corpus import build
    from tui.corpus.file_plan import _plan
    from tui.corpus.manifest import load_manifest

    manifest, problems = load_manifest(corpus)
    plan = _plan(corpus, manifest)
    problems += plan.problems
    _PLAN, _MANIFEST = plan, manifest
    slots = [None] * len(plan.entries)
    t = time.perf_counter()
    with get_context("fork").Pool(os.cpu_count() or 2) as pool:
        for i, done in pool.imap_unordered(_work, range(len(plan.entries)), chunksize=64):
            slots[i] = done
    print(f"extracted {len(slots)} files in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    articles, extractions, all_problems = build.gather(plan, slots, problems)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as f:
        pickle.dump((corpus, manifest, articles, extractions, all_problems), f, protocol=5)


# -- one timed run ----------------------------------------------------------------------------


def _h(digest, *values) -> None:
    digest.update(repr(values).encode("utf-8", "surrogatepass"))
    digest.update(b"\n")


def corpus_hashes(c) -> dict[str, str]:
    ev, pe, ar, ot = (hashlib.sha256() for _ in range(4))
    for e in c.events:
        span = None if e.span is None else (e.span.start.iso, e.span.end.iso if e.span.end else None)
        mentions = [(m.article_id, m.sentence, m.start, m.end) for m in e.mentions]
        _h(ev, e.id, span, e.title, mentions, list(e.people), list(e.topics), e.kind)
    for key, p in c.people.items():
        _h(pe, key, p.name, sorted(p.aliases), sorted(p.roles))
    for aid, a in c.articles.items():
        quotes = [(q.text, q.start, q.end, q.speaker, q.cue, q.fragment, q.article_id) for q in a.quotes]
        dates = [(m.start, m.end, m.text, m.value, m.precision, m.end_value, m.relative) for m in a.dates]
        _h(ar, aid, a.title, list(a.people), list(a.topics), quotes, dates)
    _h(ot, c.title, c.description, c.default_range, [(p.path, p.message, p.line, p.fatal) for p in c.problems])
    return {"events": ev.hexdigest()[:16], "people": pe.hexdigest()[:16], "articles": ar.hexdigest()[:16],
            "other": ot.hexdigest()[:16], "n_events": len(c.events), "n_people": len(c.people)}  # fmt: skip


def child(inp: Path) -> dict:
    from dataclasses import fields

    with open(inp, "rb") as f:
        root, manifest, articles, extractions, problems = pickle.load(f)
    from tui.corpus.assemble import assemble
    from tui.corpus.extract import Extraction

    base_fields = ("dates", "people", "quotes", "topics")
    added = [f.name for f in fields(Extraction) if f.name not in base_fields]
    addon = None
    if added:
        # The input was pickled by the base tree: rebuild each extraction with this tree's
        # class, and fill what this tree adds as `extract()` does.
        from tui.corpus.local_drafts import local_drafts

        rebuilt = [Extraction(**{k: getattr(ex, k) for k in base_fields}) for ex in extractions]
        t = time.process_time()
        for art, ex in zip(articles, rebuilt, strict=True):
            ex.drafts = local_drafts(art, ex.dates, ex.people, ex.quotes, ex.topics, manifest.topics)
        addon = time.process_time() - t
        extractions = rebuilt
    t, c = time.perf_counter(), time.process_time()
    corpus = assemble(root, manifest, articles, extractions, problems)
    seconds, cpu = time.perf_counter() - t, time.process_time() - c
    # What the cycle collector has left to do on what assembly made (a tree that holds it back
    # while assembling pays it later: shown beside, to be fair).
    t = time.perf_counter()
    gc.collect()
    collect = time.perf_counter() - t
    return {"assemble": seconds, "cpu": cpu, "collect": collect, "addon": addon, "hash": corpus_hashes(corpus)}


def run_child(src: str | None, inp: Path, seed: str) -> dict:
    env = dict(os.environ, PYTHONHASHSEED=seed, TIMELINE_NO_CACHE="1")
    argv = [sys.executable, __file__, "--child", "--input", str(inp)]
    if src:
        argv += ["--tree", src]
    out = subprocess.run(argv, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path, default=INPUT)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--base", default="/tmp/x2/base", help="the tree to compare with (holds tui/)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seed", default="0", help="PYTHONHASHSEED of every run")
    ap.add_argument("--make-input", action="store_true")
    ap.add_argument("--child", action="store_true")
    ap.add_argument("--tree", default=None)
    args = ap.parse_args()
    if args.child:
        _use_tree(args.tree)
        print(json.dumps(child(args.input)))
        return
    if args.make_input:
        os.environ["TIMELINE_NO_CACHE"] = "1"
        _use_tree(args.base)
        make_input(args.corpus, args.input)
        return
    runs: dict[str, list[dict]] = {"base": [], "this": []}
    for r in range(args.rounds):
        for name, src in (("base", args.base), ("this", None)) if r % 2 == 0 else (("this", None), ("base", args.base)):
            res = run_child(src, args.input, args.seed)
            runs[name].append(res)
            addon = f"  (+ per-article {res['addon']:.2f} s CPU)" if res["addon"] is not None else ""
            print(f"round {r + 1} {name:4} assemble {res['assemble']:6.2f} s ({res['cpu']:.2f} s CPU),"
                  f" then gc.collect() {res['collect']:.2f} s{addon}", flush=True)  # fmt: skip
    base = statistics.median(r["assemble"] for r in runs["base"])
    this = statistics.median(r["assemble"] for r in runs["this"])
    print(f"median assemble: base {base:.2f} s, this {this:.2f} s, ratio {base / this:.2f}x faster")
    base_cpu = statistics.median(r["cpu"] for r in runs["base"])
    this_cpu = statistics.median(r["cpu"] for r in runs["this"])
    print(f"median assemble CPU: base {base_cpu:.2f} s, this {this_cpu:.2f} s, ratio {base_cpu / this_cpu:.2f}x")
    base_c = statistics.median(r["assemble"] + r["collect"] for r in runs["base"])
    this_c = statistics.median(r["assemble"] + r["collect"] for r in runs["this"])
    print(f"median assemble + gc.collect(): base {base_c:.2f} s, this {this_c:.2f} s, ratio {base_c / this_c:.2f}x")
    addons = [r["addon"] for r in runs["this"] if r["addon"] is not None]
    if addons:
        print(f"median per-article work moved into extraction: {statistics.median(addons):.2f} s CPU in one process")
    hashes = {json.dumps(r["hash"], sort_keys=True) for rs in runs.values() for r in rs}
    print("identical" if len(hashes) == 1 else "DIFFERENT")
    for h in sorted(hashes):
        print(" ", h)
    if len(hashes) != 1:
        sys.exit(1)


if __name__ == "__main__":
    main()
