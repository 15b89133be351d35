"""The ``arnews`` command: ``arnews parse PATH... [--format json|jsonl|text]``."""

from __future__ import annotations

import argparse
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import attrs

from arnews.errors import ArnewsError, InputError
from arnews.inputs import ArticleInput
from arnews.io import ARTICLE_GLOBS
from arnews.models import Article
from arnews.parallel import start_method
from arnews.processors import PROCESSORS
from arnews.records import STDIN_FORMATS
from arnews.render import rendered, shown, with_file
from arnews.tables import KINDS

if TYPE_CHECKING:
    from arnews import Pipeline
    from arnews.records import Failure
    from arnews.runs import Sink, TableSink

__all__ = ["main"]


_INTERRUPTED = 130  # stopped with Ctrl-C (SIGINT), as shells report it


def _cmd_parse(args: argparse.Namespace) -> int:
    from arnews.records import Failure, RecordKeys
    from arnews.runs import Sink, TableSink, count_inputs, named_inputs, progress, say
    from arnews.saved import done_names

    pipeline = _pipeline(args)
    globs, keys = tuple(args.glob) if args.glob else ARTICLE_GLOBS, RecordKeys.given(args.key or ())
    done = done_names(args.output) if args.resume and not args.table else set()
    sink = Sink(args.output, fmt=args.format, resume=args.resume) if not args.table else None
    table = TableSink(args.table, args.output) if args.table else None
    failures = 0
    names: deque[str] = deque()  # the names of the inputs sent and not yet written, in order
    failed: deque[Failure] = deque()  # inputs that could not be read, not yet reported

    def articles() -> Iterator[ArticleInput]:
        for item in named_inputs(args.paths, globs=globs, encoding=args.encoding, keys=keys, stdin=args.stdin):
            if isinstance(item, Failure):
                failed.append(item)
                continue
            name = item.id or "<stdin>"
            if _written(sink, name, done, resume=args.resume):
                continue  # written by an earlier run
            if not item.text.strip():
                say(f"arnews: {shown(name)}: empty input, an empty article")
            names.append(name)
            yield attrs.evolve(item, url=args.url) if args.url and item.url is None else item

    if args.jobs == 1 or start_method() == "fork":
        # this process parses, or its forked workers inherit what it loads: models once, and full collections skip
        # them
        pipeline.load(freeze=True)
    results = _results(pipeline, articles(), args, jsonl=sink is not None and sink.lines)
    written = 0
    try:
        count = partial(count_inputs, args.paths, globs=globs, skip=len(done))
        for result in progress(_with_failures(results, failed), total=count, enabled=not args.quiet):
            if isinstance(result, Failure):  # an input that could not be read: counted on the bar, named
                failures += 1
                say(f"arnews: {shown(result.name)}: {shown(result.message)}")
                continue
            name = names.popleft()
            if isinstance(result, ArnewsError):
                failures += 1
                say(f"arnews: {shown(name)}: {shown(str(result).removeprefix(name + ': '))}")
                continue
            _deliver(result, name, sink, table)
            written += 1
    except KeyboardInterrupt:
        print(_interrupted(args, written), file=sys.stderr)
        return _INTERRUPTED
    finally:
        for out in (sink, table):
            if out is not None:
                out.close()
    return 1 if failures else 0


def _pipeline(args: argparse.Namespace) -> Pipeline:
    """The pipeline ``arnews parse`` runs, its options checked."""
    from arnews import Pipeline

    if args.jobs == 0 or args.batch_size < 1:
        raise InputError("--jobs must be 1 or more (or -1 for every core) and --batch-size 1 or more")
    if args.resume and args.table:
        raise InputError("--resume reads JSON output: parse to JSONL, then `arnews table KIND OUT.jsonl -o ROWS`")
    try:
        pipeline = Pipeline(
            processors=args.processors,
            exclude=args.exclude or (),
            kb=args.kb,
            max_chars=args.max_chars,
            batch_size=args.batch_size,
        )
    except ValueError as exc:  # a processor left out that another one needs
        raise InputError(f"--exclude: {exc}") from None
    if args.table and args.table not in pipeline.names:
        raise InputError(f"--table {args.table} needs the {args.table} processor, which this run leaves out")
    return pipeline


def _results(
    pipeline: Pipeline, articles: Iterator[ArticleInput], args: argparse.Namespace, *, jsonl: bool
) -> Iterator[Article | str | ArnewsError]:
    """The run's articles, or for JSON Lines output their JSON text, made where they are parsed (in the worker
    processes: cheaper to send than articles), or the errors of the inputs that failed, in input order."""
    if jsonl:
        from arnews.pipeline import json_lines

        return json_lines(pipeline, articles, published=args.published, n_process=args.jobs)
    return pipeline.parse_many(articles, published=args.published, errors="return", n_process=args.jobs)


def _with_failures(results: Iterator[Any], failed: deque[Failure]) -> Iterator[Any]:
    """The results of a run with the inputs that could not be read among them, each given before the next result
    once it is met (the pipeline reads inputs ahead of its results), so that the progress bar counts them too."""
    for result in results:
        while failed:
            yield failed.popleft()
        yield result
    while failed:
        yield failed.popleft()


def _deliver(article: Article | str, name: str, sink: Sink | None, table: TableSink | None) -> None:
    """Write one article (or its JSON text): its rows to the table, or its JSON (or text summary) to the
    output."""
    if isinstance(article, str):  # a JSON line's text, made where the article was parsed
        assert sink is not None
        sink.write_line(with_file(article, name))
        return
    if table is not None:
        table.write(article, shown(name))
        return
    assert sink is not None
    data, text = rendered(article, name, sink.fmt)
    sink.write(data, name, text)


def _written(sink: Sink | None, name: str, done: set[str], *, resume: bool) -> bool:
    """Whether an earlier run wrote ``name``'s article (``--resume``): its line in a JSONL file (``done``) or its
    file in a folder, whose names are claimed here in input order in every run, resumed or not (an input's file
    depends on the names before it, :meth:`~arnews.runs.Sink.path_for`, failed inputs' names included)."""
    if sink is None or sink.folder is None:
        return resume and shown(name) in done  # a table's run has no done names
    path = sink.path_for(name)
    return resume and path is not None and path.is_file()


def _interrupted(args: argparse.Namespace, written: int) -> str:
    """What ``arnews parse`` says when stopped with Ctrl-C: how far it got, and how to go on."""
    said = f"arnews: interrupted after {written:,} article{'s' * (written != 1)}"
    if args.output is None:
        return said
    if args.table:
        return f"{said}; {args.output} holds their rows"
    return f"{said}, written to {args.output}; the same command with --resume goes on from there"


def _cmd_table(args: argparse.Namespace) -> int:
    """``arnews table KIND OUTPUT...``: the rows of the articles an earlier ``arnews parse`` wrote."""
    from arnews.records import Failure
    from arnews.runs import TableSink, progress, say
    from arnews.saved import saved_articles

    table = TableSink(args.kind, args.output)
    failures = 0
    try:
        for item in progress(saved_articles(args.paths), total=None, enabled=not args.quiet):
            if isinstance(item, Failure):
                failures += 1
                say(f"arnews: {shown(item.name)}: {shown(item.message)}")
                continue
            name, article = item
            table.write(article, shown(name))
    finally:
        table.close()
    return 1 if failures else 0


def _cmd_models(args: argparse.Namespace) -> int:
    from arnews.nlp.resources import models_report

    lines = models_report()
    print("\n".join(lines))
    return 1 if any(line.startswith("NER model: ERROR") for line in lines) else 0


def _cmd_download(args: argparse.Namespace) -> int:
    from arnews.nlp.resources import download_official

    target = download_official(args.dir)
    print(f"Stanza Arabic models installed in {target}; arnews now uses them (see `arnews models`)")
    return 0


def _parse_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``arnews parse``."""
    p.add_argument(
        "paths",
        nargs="+",
        help="files, folders (their .txt/.html/.htm files), record files (.jsonl, .json, either compressed: .gz, "
        ".bz2, .xz), .zip archives of them, or - for standard input",
    )
    p.add_argument(
        "--key",
        action="append",
        default=None,
        metavar="ROLE=KEY",
        help="the record key that holds text, title, id, published or url (repeatable; e.g. published=date_extracted)",
    )
    p.add_argument(
        "--stdin",
        choices=STDIN_FORMATS,
        default="text",
        help="what standard input (-) holds: one article (text, the default) or records, JSON Lines or JSON",
    )
    p.add_argument(
        "--glob",
        action="append",
        default=None,
        metavar="PATTERN",
        help="the files read inside folders (repeatable; default: *.txt, *.html, *.htm)",
    )
    p.add_argument(
        "--encoding",
        default=None,
        help="the encoding of every input (default: UTF-8 or UTF-16 by BOM, else detected: Windows-1256, ISO-8859-6)",
    )
    p.add_argument("--format", choices=("json", "jsonl", "text"), default="json")
    p.add_argument("--published", default=None, help="publication date (ISO 8601) that anchors relative dates")
    p.add_argument("--url", default=None, help="the article's address, recorded in source.url")
    p.add_argument("--kb", default=None, help="a knowledge-base file to link entities to (default: the bundled KB)")
    p.add_argument(
        "-o",
        "--output",
        default=None,
        help="write to a JSONL file (out.jsonl, out.jsonl.gz) or a folder of JSON files (out/), not standard output",
    )
    p.add_argument(
        "--table",
        choices=KINDS,
        default=None,
        help="write one table's rows (CSV; Parquet for -o FILE.parquet) instead of articles",
    )
    _run_arguments(p)


def _run_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``arnews parse`` that say how it runs: which stages, resumed, in how many processes."""
    p.add_argument(
        "--processors",
        type=_stage_names,
        default=None,
        metavar="NAME,...",
        help="run only these processors (and what they need); the others' fields stay empty. Processors: "
        + ", ".join(PROCESSORS),
    )
    p.add_argument(
        "--exclude",
        type=_stage_names,
        default=None,
        metavar="NAME,...",
        help="leave these processors out: --exclude ner runs without the NER model (and without torch), about three "
        "times as fast",
    )
    p.add_argument("--resume", action="store_true", help="skip the inputs an earlier run already wrote to --output")
    p.add_argument(
        "-j", "--jobs", type=int, default=1, help="worker processes, each loading the models once (-1: every core)"
    )
    p.add_argument("--batch-size", type=int, default=32, help="articles sent through the pipeline at once")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar (there is none off a terminal)")
    p.add_argument(
        "--max-chars",
        type=int,
        default=None,
        help="the longest article accepted (default: 2,000,000 characters with the NER model; 10,000,000 at most)",
    )


def _stage_names(value: str) -> tuple[str, ...]:
    """A comma-separated list of processor names (:data:`arnews.processors.PROCESSORS`), each checked."""
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    unknown = [n for n in names if n not in PROCESSORS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"{', '.join(unknown) or value!r}: the processors are {', '.join(PROCESSORS)}")
    return names


def build_parser() -> argparse.ArgumentParser:
    from arnews.native import version

    ap = argparse.ArgumentParser(prog="arnews", description="Arabic news articles as typed, linked, citable data.")
    ap.add_argument("--version", action="version", version=version())
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse article files or folders and print JSON")
    _parse_arguments(p)
    p.set_defaults(func=_cmd_parse)
    p = sub.add_parser("table", help="one table's rows from the articles arnews parse wrote, without parsing again")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("paths", nargs="+", help="what arnews parse wrote: JSONL files (.jsonl, .jsonl.gz) or folders")
    p.add_argument("-o", "--output", default=None, help="rows.csv, rows.csv.gz or rows.parquet (default: CSV out)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar (there is none off a terminal)")
    p.set_defaults(func=_cmd_table)
    p = sub.add_parser("models", help="show which NER model is used and where it comes from")
    p.set_defaults(func=_cmd_models)
    p = sub.add_parser("download", help="download the official Stanza Arabic models (tokenize, mwt, ner)")
    p.add_argument(
        "--dir", default=None, help="target directory (default: $STANZA_RESOURCES_DIR or ~/stanza_resources)"
    )
    p.set_defaults(func=_cmd_download)
    p = sub.add_parser("kb", help="knowledge-base tools")
    kb_sub = p.add_subparsers(dest="kb_command", required=True)
    from arnews.kb import build, fetch

    p = kb_sub.add_parser("build", help="build a KB file from Wikidata JSON dumps and/or a folder of CSV sources")
    build.add_arguments(p)
    p.set_defaults(func=build.run)
    p = kb_sub.add_parser(
        "fetch", help="build a large KB from Wikidata's SPARQL endpoint (uses the network; resumable)"
    )
    fetch.add_arguments(p)
    p.set_defaults(func=fetch.run)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 some input failed, 2 usage, 130 stopped with
    Ctrl-C)."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.func(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("arnews: interrupted", file=sys.stderr)
        return _INTERRUPTED
    except ArnewsError as exc:
        print(f"arnews: {shown(str(exc))}", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
