"""The garbage collector's settings for a run of parsing: made while the run lasts, put back when it ends however it
ends, shared by runs that overlap, left alone where the process has made them already. The settings are the
process's, so each case runs in a fresh interpreter."""

from __future__ import annotations

import pytest

from process_helpers import run_fresh

_SETUP = """
import gc, threading
import arnews
from arnews.collector import YOUNG_GENERATION, collector_for_run
pipe = arnews.Pipeline(processors=["structure"]).load()
texts = [f"عنوان {n}\\n\\nقال المتحدث إن الاجتماع رقم {n} انتهى." for n in range(5)]
before = (gc.get_freeze_count(), gc.get_threshold())
assert before[0] == 0 and before[1][0] < YOUNG_GENERATION, before
def during():
    return gc.get_freeze_count() > 0 and gc.get_threshold()[0] == YOUNG_GENERATION
"""

_CASES = {
    "a whole run": """
seen = [during() for _ in pipe.parse_many(texts)]
assert seen == [True] * 5, seen
assert (gc.get_freeze_count(), gc.get_threshold()) == before
""",
    "a run left after its first article": """
run = pipe.parse_many(texts)
next(run)
assert during()
run.close()
assert (gc.get_freeze_count(), gc.get_threshold()) == before
""",
    "a run that raises": """
try:
    for _ in pipe.parse_many([texts[0], "\\x00\\x01"]):
        assert during()
except arnews.InputError:
    pass
else:
    raise AssertionError("binary input was parsed")
assert (gc.get_freeze_count(), gc.get_threshold()) == before
""",
    "runs that overlap": """
first, second = pipe.parse_many(texts), pipe.process_many(texts)
next(first); next(second)
first.close()
assert during()  # the second run goes on with the settings
list(second)
assert (gc.get_freeze_count(), gc.get_threshold()) == before
""",
    "runs in threads": """
results = []
def work():
    results.append(sum(1 for _ in pipe.parse_many(texts * 4)))
threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
assert results == [20] * 4
assert (gc.get_freeze_count(), gc.get_threshold()) == before
""",
    "the collector off": """
gc.disable()
seen = [gc.get_freeze_count() == 0 and gc.get_threshold() == before[1] for _ in pipe.parse_many(texts)]
assert all(seen) and not gc.isenabled()
""",
    "a frozen process": """
pipe.load(freeze=True)
settled = (gc.get_freeze_count(), gc.get_threshold())
assert all(during() for _ in pipe.parse_many(texts))
assert (gc.get_freeze_count(), gc.get_threshold()) == settled  # not unfrozen: the process froze it, not the run
""",
    "a threshold the program sets during the run": """
for n, _ in enumerate(pipe.parse_many(texts)):
    if n == 2:
        gc.set_threshold(2_000, 5, 5)
assert gc.get_threshold() == (2_000, 5, 5) and gc.get_freeze_count() == 0
""",
    "the context manager alone": """
with collector_for_run():
    assert during()
    with collector_for_run():
        assert during()
    assert during()
assert (gc.get_freeze_count(), gc.get_threshold()) == before
""",
}


@pytest.mark.parametrize("case", sorted(_CASES))
def test_the_collector_is_set_for_a_run_and_put_back(case: str) -> None:
    done = run_fresh(_SETUP + _CASES[case])
    assert done.returncode == 0, done.stdout + done.stderr
