"""The corpus layer is pure Python: nothing under tui/corpus/ may import Textual."""

import ast
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tui" / "corpus"


def test_corpus_sources_never_import_textual():
    offenders = []
    for path in sorted(CORPUS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("textual", "rich")]
    assert offenders == []


def test_importing_the_corpus_layer_loads_no_textual():
    code = (
        "import sys, pkgutil, importlib, tui.corpus as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'tui.corpus.'): importlib.import_module(m.name)\n"
        "print(any(k == 'textual' or k.startswith('textual.') for k in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
