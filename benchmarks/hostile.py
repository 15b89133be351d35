"""Time and peak memory of the whole pipeline on adversarial inputs, by family, at two sizes.

    .venv/bin/python benchmarks/hostile.py [--sizes 100000 1000000] [--ner] [--family NAME ...]
    .venv/bin/python benchmarks/hostile.py --longest [--ner] [--chars N]

Each family repeats one unit (a run of HTML entities, of percentages, of "بن" name chains, of "<" with no ">", of
"قال:" cues, of unbalanced quotation marks, ...) to the size asked, after a title line. Each run is a fresh process
(so peak memory is the run's own); without ``--ner`` the pipeline runs without the NER model. Prints seconds, peak
MB and the growth from the first size to the last (x10 input should cost about x10 time), and the slowest stage
of the last size; asserts nothing.

``--longest`` instead parses one article as long as the pipeline accepts by default (``Pipeline.max_chars``: 5
million characters without the model, 2 million with it; ``--chars`` sets another length, up to 10 million), made
of distinct SaudiNewsNet articles one after another (real text, so no paragraph is dropped as a repeat), and prints
its time and peak memory.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

FAMILIES: dict[str, str] = {
    "entities &amp;": "&amp;",
    "percentages": "ارتفع 5% ",
    "name chains بن": "محمد بن ",
    "< without >": "< نص ",
    "cues قال:": "قال: ",
    "unbalanced quotes": "«قال ",
    "amounts": "تبرع بمبلغ 5 ملايين ريال و",
    "dates": "يوم الخميس 5 يوليو 2015 ",
    "one long word": "ب",
    "titles": "الرئيس الوزير ",
    "dots": ". ",
    "digits": "1,000.5 ",
}

_RUN = """
import json, resource, sys, time
import arnews
unit, size, ner = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
text = "عنوان الخبر\\n\\n" + unit * (size // len(unit))
pipe = arnews.Pipeline() if ner else arnews.Pipeline(exclude=["ner"])
pipe.parse("عنوان\\n\\nقال الوزير إن العمل مستمر.")
t = time.perf_counter()
article = pipe.parse(text)
took = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": took, "peak_mb": peak, "stages": pipe.seconds}))
"""


_LONGEST = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
import arnews
from corpus import texts
ner, chars = sys.argv[1] == "1", int(sys.argv[3]) or None
pipe = arnews.Pipeline(max_chars=chars) if ner else arnews.Pipeline(exclude=["ner"], max_chars=chars)
parts, size = [], 0
for text in texts(every=3):
    parts.append(text)
    size += len(text) + 2
    if size >= pipe.max_chars:
        break
text = "\\n\\n".join(parts)[: pipe.max_chars]
pipe.parse("عنوان\\n\\nقال الوزير إن العمل مستمر.")
t = time.perf_counter()
article = pipe.parse(text)
took = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"chars": len(text), "seconds": took, "peak_mb": peak, "stages": pipe.seconds}))
"""


def run(unit: str, size: int, *, ner: bool, timeout: float, script: str = _RUN) -> dict[str, float] | None:
    args = [unit, str(size), "1" if ner else "0"] if script == _RUN else ["1" if ner else "0", unit, str(size)]
    try:
        done = subprocess.run(
            [sys.executable, "-c", script, *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--ner", action="store_true", help="run the NER model too")
    ap.add_argument("--family", nargs="*", default=None, help="only these families (default: all)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is stopped")
    ap.add_argument("--longest", action="store_true", help="one real article as long as the pipeline accepts")
    ap.add_argument("--chars", type=int, default=0, help="with --longest: this many characters (default: the limit)")
    args = ap.parse_args()
    if args.longest:
        here = str(Path(__file__).resolve().parent)
        res = run(here, args.chars, ner=args.ner, timeout=max(args.timeout, 600.0), script=_LONGEST)
        if res is None:
            print("the longest article did not finish in time")
            return 1
        stages = ", ".join(f"{k} {v:.1f}s" for k, v in res["stages"].items())  # type: ignore[union-attr]
        print(f"{res['chars']:,.0f} characters: {res['seconds']:.1f}s, peak {res['peak_mb']:.0f} MB ({stages})")
        return 0
    names = args.family or list(FAMILIES)
    print(f"{'family':22} " + " ".join(f"{s:>10,} chars   MB" for s in args.sizes) + "   growth")
    for name in names:
        cells, times, slowest = [], [], ""
        for size in args.sizes:
            res = run(FAMILIES[name], size, ner=args.ner, timeout=args.timeout)
            if res is None:
                cells.append(f"{'>' + str(int(args.timeout)):>10}s      -")
                times.append(None)
                continue
            stage, secs = max(res["stages"].items(), key=lambda kv: kv[1])  # type: ignore[union-attr]
            slowest = f"{stage} {secs:.1f}s"
            cells.append(f"{res['seconds']:>10.2f}s {res['peak_mb']:5.0f}")
            times.append(res["seconds"])
        growth = f"x{times[-1] / times[0]:.1f}" if times[0] and times[-1] else "-"
        print(f"{name:22} " + " ".join(cells) + f"   {growth:>6}   slowest: {slowest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
