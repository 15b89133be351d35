"""Many cores: worker processes give the same articles as one process, in input order, with bad inputs isolated."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import arnews
from arnews.document import Doc
from arnews.errors import InputError, WorkerError
from arnews.nlp import RuleAnalyzer
from arnews.parallel import start_method, worker_count
from arnews.pipeline import json_lines
from arnews.processors import Processor

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _texts() -> list[str | Path]:
    made: list[str | Path] = [
        f"عنوان الخبر {n}\n\nالرياض - واس\nتبرع رجل الأعمال خالد العلي بمبلغ {n} ملايين ريال للجمعية الخيرية."
        for n in range(1, 12)
    ]
    return [*SEEDS, *made]


def test_workers_give_the_articles_of_one_process_in_order() -> None:
    pipe = arnews.Pipeline(analyzer=RuleAnalyzer(), batch_size=3)
    items = _texts()
    serial = [a.to_dict() for a in pipe.parse_many(items)]
    parallel = [a.to_dict() for a in pipe.parse_many(items, n_process=2)]
    assert parallel == serial
    assert len(parallel) == len(items)


def test_json_lines_are_the_articles_json_made_in_the_workers() -> None:
    pipe = arnews.Pipeline(exclude=["ner"], batch_size=3)
    items: list[str | Path] = [*_texts()[:5], "\x00", *_texts()[5:8]]
    articles = [
        a.to_json() if isinstance(a, arnews.Article) else str(a) for a in pipe.parse_many(items, errors="return")
    ]
    for n_process in (1, 2):
        lines = [str(r) if isinstance(r, InputError) else r for r in json_lines(pipe, items, n_process=n_process)]
        assert lines == articles
        assert lines[5].startswith("item 5:") and "\n" not in "".join(lines)


def test_a_bad_input_in_a_worker_is_named_and_isolated(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    items: list[str | Path] = ["عنوان أول\n\nنص.", bad, "عنوان ثالث\n\nنص.", "\x00", "عنوان خامس"]
    pipe = arnews.Pipeline(exclude=["ner"], batch_size=2)
    threads = threading.active_count()
    got = list(pipe.parse_many(items, n_process=2, errors="return"))
    assert [type(r).__name__ for r in got] == ["Article", "InputError", "Article", "InputError", "Article"]
    assert str(bad) in str(got[1]) and str(got[3]).startswith("item 3:")  # its place in the whole run
    with pytest.warns(UserWarning, match="skipped"):
        kept = list(pipe.parse_many(items, n_process=2, errors="skip"))
    assert [a.title for a in kept] == ["عنوان أول", "عنوان ثالث", "عنوان خامس"]
    with pytest.raises(InputError, match=r"bad\.txt"):
        list(pipe.parse_many(items, n_process=2))
    assert threading.active_count() == threads  # the raise stopped the workers' pool and its threads at once


def test_worker_counts_and_what_spawned_workers_cannot_rebuild(monkeypatch: pytest.MonkeyPatch) -> None:
    assert worker_count(1) == 1 and worker_count(-1) >= 1
    with pytest.raises(ValueError, match="n_process"):
        worker_count(0)
    monkeypatch.setenv("ARNEWS_START_METHOD", "spawn")
    kb = arnews.KnowledgeBase([])
    with pytest.raises(ValueError, match="KB as a file path"):
        list(arnews.Pipeline(exclude=["ner"], kb=kb).parse_many(["عنوان"], n_process=2))


def test_the_start_method_is_fork_where_the_platform_has_it_unless_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARNEWS_START_METHOD", raising=False)
    expected = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert start_method() == expected
    monkeypatch.setattr(threading, "active_count", lambda: 2)  # a thread of the caller's: forking it is unsafe
    assert start_method() == "spawn"
    monkeypatch.setenv("ARNEWS_START_METHOD", "Spawn")
    assert start_method() == "spawn"
    monkeypatch.setenv("ARNEWS_START_METHOD", "threads")
    with pytest.raises(ValueError, match="ARNEWS_START_METHOD"):
        start_method()


def test_spawned_workers_build_the_pipeline_again_and_give_the_same_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = arnews.Pipeline(analyzer=RuleAnalyzer(), batch_size=4)
    items = _texts()
    serial = [a.to_dict() for a in pipe.parse_many(items)]
    monkeypatch.setenv("ARNEWS_START_METHOD", "spawn")
    assert [a.to_dict() for a in pipe.parse_many(items, n_process=2)] == serial


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform")
def test_forked_workers_inherit_a_loaded_pipeline_its_model_and_any_kb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARNEWS_START_METHOD", "fork")
    # the NER model loaded and run in the parent (torch's thread pool started): workers fork, then run it on one
    # thread each, and give what the parent gives
    pipe = arnews.Pipeline(batch_size=2).load()
    items = [*SEEDS, "عنوان\n\nوقال الأمير خالد الفيصل أمير منطقة مكة المكرمة إن المشروع سيكتمل قريبا."]
    serial = [a.to_dict() for a in pipe.parse_many(items)]
    assert [a.to_dict() for a in pipe.parse_many(items, n_process=2)] == serial
    # a knowledge base object, which spawned workers could not build again, is inherited as it is
    kb = arnews.KnowledgeBase([])
    own = arnews.Pipeline(exclude=["ner"], kb=kb)
    assert [a.to_dict() for a in own.parse_many(items, n_process=2)] == [a.to_dict() for a in own.parse_many(items)]


def _frozen_in_worker(_: int) -> tuple[int, int]:
    import gc

    return gc.get_freeze_count(), gc.get_threshold()[0]


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform")
def test_a_forked_worker_freezes_what_it_inherits_and_the_parent_stays_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    from arnews import parallel

    pipe = arnews.Pipeline(exclude=["ner"]).load()
    before, threshold = gc.get_freeze_count(), gc.get_threshold()
    monkeypatch.setattr(parallel, "_PIPELINE", pipe)
    with multiprocessing.get_context("fork").Pool(1, initializer=parallel._adopt) as pool:
        frozen, young = pool.map(_frozen_in_worker, [0])[0]
    assert frozen > 10_000  # the knowledge base, the lexicons and the modules, left out of its collections
    assert young == max(parallel.YOUNG_GENERATION, threshold[0])  # a long run's young generation
    assert (gc.get_freeze_count(), gc.get_threshold()) == (before, threshold)  # the parent's collector as it was


_CTRL_C = """
import os, signal, sys, time
import arnews
from arnews.nlp import RuleAnalyzer
got = []
texts = [f"عنوان {n}\\n\\nقال المتحدث إن الاجتماع رقم {n} انتهى." for n in range(400)]
count = 0
for article in arnews.Pipeline(analyzer=RuleAnalyzer(), batch_size=4).parse_many(texts, n_process=2):
    count += 1
    if count == 1:  # the workers are running: from now on this process notes Ctrl-C and goes on
        signal.signal(signal.SIGINT, lambda *_: got.append(1))
        os.killpg(0, signal.SIGINT)  # as a terminal sends Ctrl-C: to every process of the group
        time.sleep(0.5)
print(count, len(got))
"""


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="no process groups on this platform")
def test_ctrl_c_sent_to_the_workers_is_left_to_the_parent() -> None:
    command = [sys.executable, "-c", _CTRL_C]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, start_new_session=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["400", "1"]  # every article: no worker died of it
    assert "Traceback" not in done.stderr and "KeyboardInterrupt" not in done.stderr


class _DiesOnSkull(Processor):
    """A stage that kills its process, as the system's out-of-memory killer does, on an article with a skull."""

    name = "dies"

    def process(self, doc: Doc) -> None:
        if "\N{SKULL}" in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)


@pytest.mark.skipif(
    not hasattr(signal, "SIGKILL") or "fork" not in multiprocessing.get_all_start_methods(), reason="no fork or SIGKILL"
)
def test_an_article_that_kills_its_worker_is_named_in_its_place_and_the_others_are_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ARNEWS_START_METHOD", "fork")
    pipe = arnews.Pipeline(processors=["structure"], batch_size=3)
    pipe.processors = (*pipe.processors, _DiesOnSkull())
    pipe.seconds["dies"] = 0.0
    items = [f"عنوان الخبر {n}\n\nنص الخبر رقم {n}." for n in range(20)]
    for n in (7, 8, 16):
        items[n] += " \N{SKULL}"
    found = list(pipe.parse_many(items, n_process=2, errors="return"))
    assert len(found) == 20
    died = [n for n, a in enumerate(found) if isinstance(a, WorkerError)]
    assert died == [7, 8, 16]
    assert all(str(found[n]).startswith(f"item {n}: the worker process parsing it died") for n in died)
    titles = [a.title for a in found if isinstance(a, arnews.Article)]
    assert titles == [f"عنوان الخبر {n}" for n in range(20) if n not in died]
    with pytest.raises(WorkerError, match="item 7: the worker process"):
        list(pipe.parse_many(items, n_process=2))


_DIES_MID_ANSWER = """
import os, signal, struct, sys
import arnews
from arnews.processors import Processor

class DiesMidAnswer(Processor):
    # on an article with crossbones, starts sending its worker's answer and is killed halfway
    name = "dies"

    def process(self, doc):
        if "\\N{SKULL AND CROSSBONES}" in doc.text:
            frame = sys._getframe()
            while frame.f_code.co_name != "_process_worker":  # the worker's loop, which holds the answers' queue
                frame = frame.f_back
            writer = frame.f_locals["result_queue"]._writer
            os.write(writer.fileno(), struct.pack("!i", 1 << 20) + bytes(16))  # the first bytes of a long answer
            os.kill(os.getpid(), signal.SIGKILL)

pipe = arnews.Pipeline(processors=["structure"], batch_size=2)
pipe.processors = (*pipe.processors, DiesMidAnswer())
pipe.seconds["dies"] = 0.0
items = [f"عنوان الخبر {n}\\n\\nنص الخبر رقم {n}." for n in range(8)]
items[5] += " \\N{SKULL AND CROSSBONES}"
found = list(pipe.parse_many(items, n_process=2, errors="return"))
print([n for n, a in enumerate(found) if isinstance(a, arnews.ArnewsError)], len(found))
"""


@pytest.mark.skipif(
    not hasattr(signal, "SIGKILL") or "fork" not in multiprocessing.get_all_start_methods(), reason="no fork or SIGKILL"
)
def test_a_worker_killed_while_sending_its_answer_does_not_leave_the_run_waiting() -> None:
    command = [sys.executable, "-c", _DIES_MID_ANSWER]
    env = {**os.environ, "ARNEWS_START_METHOD": "fork"}
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == "[5] 8"  # the article named in its place, the 7 others parsed


def _dies_as_it_starts() -> None:
    os._exit(3)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform")
def test_workers_that_die_as_they_start_end_the_run_with_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from arnews import parallel

    monkeypatch.setenv("ARNEWS_START_METHOD", "fork")
    monkeypatch.setattr(parallel, "_adopt", _dies_as_it_starts)
    pipe = arnews.Pipeline(processors=["structure"])
    with pytest.raises(WorkerError, match="die as they start"):
        list(pipe.parse_many(["عنوان\n\nنص."] * 5, n_process=2))


_PARENT_KILLED = """
import multiprocessing, os, signal, sys, time
import arnews

def slow():
    for n in range(1000):
        time.sleep(0.05)
        yield f"عنوان {n}\\\\n\\\\nنص."

for article in arnews.Pipeline(processors=["structure"], batch_size=1).parse_many(slow(), n_process=2):
    print(*[p.pid for p in multiprocessing.active_children()], flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # as the system kills a process when memory runs out
"""


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False
    return "\\tZ" not in status.split("State:", 1)[1].split("\\n", 1)[0]  # a zombie has ended


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc to see processes in")
def test_workers_end_when_the_process_that_started_them_is_killed() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PARENT_KILLED], capture_output=True, text=True, timeout=60, check=False
    )
    workers = [int(pid) for pid in done.stdout.split()]
    assert done.returncode == -signal.SIGKILL and len(workers) == 2, done.stderr
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)
