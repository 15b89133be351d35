"""Which NER model arnews uses, and where it comes from.

Resolution order (the first that applies wins):

1. an explicit path: the ``path`` argument of :func:`resolve_ner_model`, else the ``ARNEWS_MODEL_DIR``
   environment variable. It must exist; a missing path raises :class:`~arnews.errors.ModelError` instead of
   silently falling back;
2. the official Stanza Arabic models, when installed (``arnews download``) in Stanza's resources directory
   (``$STANZA_RESOURCES_DIR`` or ``~/stanza_resources``) with an ``ar/ner`` model;
3. the default model embedded in the package (``arnews/data/models``), trained on ANERcorp.

An explicit path is either a directory holding an arnews model (``ar_ner.json`` metadata and the files it names),
a Stanza resources directory (``resources.json`` and ``ar/ner``), or a single Stanza NER ``.pt`` file. Model files
are only read from these places. Nothing here imports torch or stanza.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path
from typing import Any, Literal

from attrs import frozen

from arnews.errors import ModelError

__all__ = [
    "EMBEDDED_DIR",
    "ENV_VAR",
    "META_NAME",
    "ModelSpec",
    "download_official",
    "embedded_model_dir",
    "find_ner_model",
    "models_report",
    "official_stanza_dir",
    "resolve_ner_model",
]

ENV_VAR = "ARNEWS_MODEL_DIR"
META_NAME = "ar_ner.json"
EMBEDDED_DIR = Path(__file__).resolve().parent.parent / "data" / "models"

Origin = Literal["explicit", "env", "stanza", "embedded"]
Layout = Literal["arnews", "stanza"]


@frozen
class ModelSpec:
    """A resolved NER model: where it comes from and which files to load.

    ``layout`` is ``"arnews"`` for a tagger fed arnews tokens in :func:`arnews.nlp.model_form` (the embedded
    model, or any model with arnews metadata) and ``"stanza"`` for Stanza's own Arabic pipeline (its tokenizer,
    multi-word expansion and NER) found in a resources directory.
    """

    origin: Origin
    layout: Layout
    location: Path
    ner_path: Path | None = None
    pretrain_path: Path | None = None
    metadata: dict[str, Any] | None = None

    @property
    def name(self) -> str:
        if self.metadata and isinstance(self.metadata.get("name"), str):
            return str(self.metadata["name"])
        if self.layout == "stanza":
            return "stanza-ar"
        return self.ner_path.name if self.ner_path else str(self.location)

    def describe(self) -> str:
        """One line for people: what is used and where from."""
        where = {
            "explicit": "explicit path",
            "env": f"${ENV_VAR}",
            "stanza": "official Stanza models",
            "embedded": "embedded default",
        }[self.origin]
        return f"{self.name} ({where}: {self.location})"


def embedded_model_dir() -> Path:
    return EMBEDDED_DIR


def official_stanza_dir() -> Path:
    """Stanza's resources directory (``$STANZA_RESOURCES_DIR`` or ``~/stanza_resources``), existing or not."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    return Path(env).expanduser() if env else Path.home() / "stanza_resources"


def _has_official_ar(root: Path) -> bool:
    ner = root / "ar" / "ner"
    return (root / "resources.json").is_file() and ner.is_dir() and any(ner.glob("*.pt"))


def _read_metadata(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read model metadata {path}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict) or "ner" not in data["files"]:
        raise ModelError(f"model metadata {path} does not name an NER file (expected files.ner)")
    return data


def _from_arnews_dir(directory: Path, origin: Origin) -> ModelSpec:
    meta = _read_metadata(directory / META_NAME)
    files: dict[str, Any] = meta["files"]
    ner = directory / str(files["ner"])
    if not ner.is_file():
        raise ModelError(f"NER model file {ner} named in {directory / META_NAME} is missing")
    pretrain: Path | None = None
    if files.get("pretrain"):
        pretrain = directory / str(files["pretrain"])
    if meta.get("requires_pretrain") and (pretrain is None or not pretrain.is_file()):
        raise ModelError(
            f"the NER model in {directory} was trained with word vectors but its pretrain file "
            f"({pretrain or 'files.pretrain not set'}) is missing; without it the model gives wrong results"
        )
    return ModelSpec(origin, "arnews", directory, ner, pretrain, meta)


def _from_path(path: Path, origin: Origin) -> ModelSpec:
    path = path.expanduser()
    if not path.exists():
        source = f"${ENV_VAR}" if origin == "env" else "the given model path"
        raise ModelError(f"{source} {path} does not exist")
    if path.is_file():
        if path.suffix != ".pt":
            raise ModelError(f"{path} is not a Stanza model file (.pt) nor a model directory")
        return ModelSpec(origin, "arnews", path.parent, path, None, None)
    if (path / META_NAME).is_file():
        return _from_arnews_dir(path, origin)
    if _has_official_ar(path):
        return ModelSpec(origin, "stanza", path)
    raise ModelError(
        f"{path} holds no NER model: expected {META_NAME} (an arnews model) or resources.json with ar/ner "
        "(a Stanza resources directory)"
    )


def resolve_ner_model(path: str | os.PathLike[str] | None = None) -> ModelSpec:
    """The NER model to use (see the module docstring for the order); raises ModelError when none is usable."""
    if path is not None and str(path) != "":
        return _from_path(Path(path), "explicit")
    env = os.environ.get(ENV_VAR)
    if env:
        return _from_path(Path(env), "env")
    official = official_stanza_dir()
    if _has_official_ar(official):
        return ModelSpec("stanza", "stanza", official)
    if (EMBEDDED_DIR / META_NAME).is_file():
        return _from_arnews_dir(EMBEDDED_DIR, "embedded")
    raise ModelError(
        f"no NER model found: the embedded model ({EMBEDDED_DIR / META_NAME}) is missing; "
        f"set {ENV_VAR} or run `arnews download`"
    )


def find_ner_model() -> ModelSpec | None:
    """Like :func:`resolve_ner_model` without a path, but None (not an error) when no model exists at all.

    A configured ``$ARNEWS_MODEL_DIR`` that is missing or broken still raises ModelError."""
    configured = os.environ.get(ENV_VAR) or _has_official_ar(official_stanza_dir())
    if not configured and not (EMBEDDED_DIR / META_NAME).is_file():
        return None
    return resolve_ner_model()


def download_official(model_dir: str | os.PathLike[str] | None = None) -> Path:
    """Download Stanza's official Arabic tokenizer, MWT and NER models; ModelError when that is impossible."""
    import importlib.util

    if importlib.util.find_spec("stanza") is None:
        raise ModelError("stanza is not installed: pip install stanza (it brings torch) to use NER models")
    import logging

    import stanza

    target = Path(model_dir).expanduser() if model_dir else official_stanza_dir()
    logging.getLogger("stanza").setLevel(logging.WARNING)
    try:
        stanza.download("ar", model_dir=str(target), processors="tokenize,mwt,ner", logging_level="WARN")
    except Exception as exc:  # requests/urllib/OSError variants when offline or blocked
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        reason = textwrap.shorten(first, 300, placeholder=" …")  # whole words, never cut mid-word
        raise ModelError(
            f"could not download the Stanza Arabic models into {target} (offline or blocked?): {reason}. "
            f"arnews keeps using the embedded default model."
        ) from exc
    return target


def models_report() -> list[str]:
    """What ``arnews models`` prints: the NER model in use and where it comes from, and the alternatives."""
    import importlib.util

    lines: list[str] = []
    has_stanza = importlib.util.find_spec("stanza") is not None
    if not has_stanza:
        lines.append("stanza: not installed -> rule-based analyzer (sentences and tokens, no named entities)")
    try:
        spec = find_ner_model()
    except ModelError as exc:
        spec = None
        lines.append(f"NER model: ERROR {exc}")
    else:
        if spec is None:
            lines.append("NER model: none found -> rule-based analyzer (no named entities)")
        else:
            lines.append(f"NER model{'' if has_stanza else ' (unused without stanza)'}: {spec.describe()}")
            if spec.ner_path is not None:
                lines.append(f"  ner file: {spec.ner_path}")
            if spec.pretrain_path is not None:
                lines.append(f"  pretrain: {spec.pretrain_path}")
            test = (spec.metadata or {}).get("scores", {}).get("test", {})
            for view in ("gold_tokens", "arnews"):
                f1 = test.get(view, {}).get("f1") if isinstance(test, dict) else None
                if f1 is not None:
                    lines.append(f"  held-out test F1 ({view}, entity level, exact span and type): {f1}")
    env = os.environ.get(ENV_VAR)
    official = official_stanza_dir()
    lines.append(f"${ENV_VAR}: {env or '(not set)'}")
    lines.append(
        f"official Stanza models ({official}): "
        + ("installed" if _has_official_ar(official) else "not installed (`arnews download` fetches them)")
    )
    lines.append(
        f"embedded default ({EMBEDDED_DIR}): " + ("present" if (EMBEDDED_DIR / META_NAME).is_file() else "missing")
    )
    lines.append("order: explicit path > $ARNEWS_MODEL_DIR > official Stanza models > embedded default")
    return lines
