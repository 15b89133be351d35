"""Write the tutorial notebooks of examples/ from the cells below (the notebooks are generated, not hand-edited).

Usage: .venv/bin/python scripts/make_notebooks.py [--check]

``--check`` exits 1 when a notebook on disk differs from what this script would write. Outputs are not stored in
examples/: ``scripts/run_notebooks.py`` executes the notebooks and writes the executed pages for the docs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

Cell = tuple[str, str]  # ("md" | "py", source)


def md(source: str) -> Cell:
    return ("md", source.strip("\n"))


def py(source: str) -> Cell:
    return ("py", source.strip("\n"))


PARSE_ONE: list[Cell] = [
    md("""
# Parse one article and walk its parts

`arnews.parse` turns the text of one Arabic news article (title first, then paragraphs) into an
`arnews.Article`. Every piece that stands for a part of the input carries `start` and `end`, character offsets
into the text you passed, so that `text[start:end] == piece.text`. This notebook parses one of the seed articles
shipped with the repository and walks its parts.
"""),
    py("""
from pathlib import Path

import arnews

seed = sorted(Path("../seeds").glob("*.txt"))[0]
text = seed.read_text(encoding="utf-8")
article = arnews.parse(text)
print(arnews.__version__, seed.name, len(text), "characters")
"""),
    md("""
## Title, dateline, date and source

The title is the first line that is not site furniture; the dateline is the place and agency at the head of the
first paragraph. `source` gathers what the page says about where the article comes from.
"""),
    py("""
print("title:    ", article.title)
print("dateline: ", article.dateline)
print("published:", article.published)
print("source:   ", article.source)
"""),
    md("""
## Paragraphs with their offsets

Each paragraph is a `Span`: slicing the input with its offsets gives back exactly its text.
"""),
    py("""
for paragraph in article.paragraphs:
    assert text[paragraph.start : paragraph.end] == paragraph.text
print(len(article.paragraphs), "paragraphs; the first five:")
for paragraph in article.paragraphs[:5]:
    print(f"[{paragraph.start:5}:{paragraph.end:5}] {paragraph.text[:70]}")
"""),
    md("""
## Entities and their mentions

Each entity appears once, with every place the text names it. Entities found in the knowledge base carry their
Wikidata QID; the others get a document-local id.
"""),
    py("""
for entity in article.entities[:8]:
    places = ", ".join(f"{m.start}:{m.end}" for m in entity.mentions[:4])
    print(f"{entity.id:10} {entity.type:4} {entity.name}  [{places}{', ...' if len(entity.mentions) > 4 else ''}]")
"""),
    md("""
## Every span in the article

Entities (with each mention), quotes, money and dates follow the same rule. The loop below checks the offsets of
every span arnews found in this article, whatever the kind.
"""),
    py("""
def spans(article):
    for part in (*article.paragraphs, *article.captions, *article.quotes, *article.money, *article.dates):
        yield type(part).__name__, part
    for entity in article.entities:
        for mention in entity.mentions:
            yield f"Mention({entity.type})", mention

counts = {}
for kind, span in spans(article):
    assert text[span.start : span.end] == span.text, (kind, span)
    counts[kind] = counts.get(kind, 0) + 1
print(counts)
"""),
    md("""
## To JSON and back

`to_dict()` gives the JSON-ready shape of the contract; `Article.from_dict` reads it back exactly.
"""),
    py("""
import json

data = article.to_dict()
print(sorted(data))
assert arnews.Article.from_dict(data) == article
assert arnews.Article.from_json(article.to_json()) == article
print(json.dumps(data["paragraphs"][0], ensure_ascii=False))
"""),
]

QUOTES: list[Cell] = [
    md("""
# Quotes and speakers across a folder

`arnews.parse_many` parses many articles in batches (texts, or `pathlib.Path` objects of UTF-8 files) and yields
one `Article` per item, in order. Here every quote of every seed article goes into one pandas table: what was
said, the kind of quote (`direct` inside quotation marks, `partial` for a quoted phrase inside reported speech,
`indirect` for reported speech), the cue verb and the speaker.
"""),
    py("""
from pathlib import Path

import pandas as pd

import arnews

paths = sorted(Path("../seeds").glob("*.txt"))
articles = list(arnews.parse_many(paths))
print(len(articles), "articles")
"""),
    py("""
rows = []
for path, article in zip(paths, articles):
    for quote in article.quotes:
        speaker = quote.speaker
        rows.append({
            "article": path.stem[:3],
            "kind": quote.kind,
            "speaker": None if speaker is None else ("(anonymous)" if speaker.anonymous else speaker.name),
            "wikidata": speaker.wikidata if speaker else None,
            "cue": quote.cue,
            "quote": quote.text[:60] + ("…" if len(quote.text) > 60 else ""),
            "start": quote.start,
            "end": quote.end,
        })
quotes = pd.DataFrame(rows, columns=["article", "kind", "speaker", "wikidata", "cue", "quote", "start", "end"])
quotes
"""),
    md("""
## Who is quoted most

Counting quotes per speaker and kind. Speakers linked to the knowledge base carry a Wikidata QID.
"""),
    py("""
if quotes.empty:
    print("no quotes found")
else:
    print(quotes.groupby(["speaker", "kind"], dropna=False).size().unstack(fill_value=0))
"""),
    md("""
## Offsets

A quote's text is what stands inside the quotation marks (or the reported clause), and its offsets point at it in
the input.
"""),
    py("""
for path, article in zip(paths, articles):
    text = path.read_text(encoding="utf-8")
    assert all(text[q.start : q.end] == q.text for q in article.quotes)
print("all quote offsets check out")
"""),
]

MONEY: list[Cell] = [
    md("""
# Money and donations

`article.money` holds every monetary amount mentioned, with its value as a `Decimal`, an ISO 4217 currency code
and a qualifier (`more_than`, `about`, ...). `article.donations` keeps only money given, raised, pledged or
granted voluntarily, with who organised, gave and received it. Prices, revenues, budgets, salaries, loans and
investments are money, not donations.
"""),
    py("""
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

import arnews

paths = sorted(Path("../seeds").glob("*.txt"))
articles = list(arnews.parse_many(paths))
"""),
    md("""
## Every amount in the seed articles
"""),
    py("""
rows = [
    {"article": path.stem[:3], "text": m.text, "value": m.value, "currency": m.currency,
     "qualifier": m.qualifier, "vague": m.vague, "start": m.start}
    for path, article in zip(paths, articles)
    for m in article.money
]
money = pd.DataFrame(rows, columns=["article", "text", "value", "currency", "qualifier", "vague", "start"])
money
"""),
    md("""
## Donations

A donation's `amount` is one of the money objects above; `evidence` is the sentence that says it was given.
"""),
    py("""
def name(ref):
    return None if ref is None else ref.name

rows = [
    {"article": path.stem[:3], "amount": d.amount.text, "value": d.amount.value, "currency": d.amount.currency,
     "organizer": name(d.organizer), "donor": name(d.donor), "recipient": name(d.recipient), "date": d.date}
    for path, article in zip(paths, articles)
    for d in article.donations
]
donations = pd.DataFrame(rows, columns=["article", "amount", "value", "currency", "organizer", "donor",
                                        "recipient", "date"])
donations
"""),
    md("""
## Your own text

The same on a short article written for this notebook: a fundraising total with its number of participants, a
pledge, a gift, and a budget and a price that are money but not donations.
"""),
    py("""
text = (
    "حملة خيرية تجمع 12 مليون ريال\\n\\n"
    "الرياض - واس\\n"
    "أعلنت جمعية البر الخيرية يوم الخميس أن حملتها الرمضانية جمعت أكثر من 12 مليون ريال بمشاركة 53 ألف متبرع.\\n"
    "وتبلغ ميزانية الجمعية السنوية نحو 40 مليون ريال، فيما يبلغ سعر السلة الغذائية 250 ريالا.\\n"
    "وتعهدت الكويت بتقديم 10 ملايين دولار لدعم اللاجئين.\\n"
    "وتبرع رجل الأعمال خالد العتيبي بمبلغ 500 ألف ريال لصالح مستشفى الملك فهد.\\n"
)
article = arnews.parse(text, published="2025-03-20")
donated = {d.amount for d in article.donations}
for m in article.money:
    print(f"{m.text:22} {m.value!s:>10} {m.currency} {m.qualifier or '':10} donation={m in donated}")
for d in article.donations:
    print(d.amount.text, "| donor:", name(d.donor), "| recipient:", name(d.recipient),
          "| participants:", d.participants and d.participants.value, "| date:", d.date)
"""),
    md("""
## A plot: amounts per article and currency

Precise amounts only (vague ones such as "ملايين الدولارات" have no value). Labels are in Latin script because
matplotlib does not shape Arabic without extra packages.
"""),
    py("""
exact = money.dropna(subset=["value"]).copy()
exact["value"] = exact["value"].astype(float)
fig, ax = plt.subplots(figsize=(6, 3))
if exact.empty:
    ax.text(0.5, 0.5, "no amounts found", ha="center", va="center")
else:
    totals = exact.groupby(["article", "currency"])["value"].sum().unstack(fill_value=0)
    totals.plot.bar(ax=ax, logy=True, rot=0)
    ax.set_ylabel("sum of amounts (log scale)")
ax.set_title("Money mentioned in the seed articles")
fig.tight_layout()
plt.show()
"""),
]


OWN_KB: list[Cell] = [
    md("""
# Your own knowledge base

Entities are linked to a knowledge base (KB): the one bundled with arnews holds politicians, countries, US
states, parties, news agencies and international organisations, with Wikidata QIDs. To link the names that matter
to you, write your own KB file and give it to the linker, alone or added to the bundled one.
"""),
    md("""
## The file format

A KB file is JSON lines (gzip-compressed when the name ends in `.gz`), one entity a line: its id (the Wikidata
QID), its type (`PER`, `ORG`, `LOC` or `MISC`), its Arabic labels (the first is the name, the others aliases),
its English labels, a description and a popularity prior between 0 and 1 that breaks ties.
"""),
    py("""
import json
import tempfile
from pathlib import Path

from arnews.kb import KnowledgeBase, default_kb

rows = [
    {"id": "Q7809", "type": "ORG", "ar": ["منظمة الأمم المتحدة للتربية والعلم والثقافة", "اليونسكو"],
     "en": ["UNESCO"], "desc": "وكالة الأمم المتحدة للتربية والعلم والثقافة", "prior": 0.7},
    {"id": "Q7184", "type": "ORG", "ar": ["حلف شمال الأطلسي", "الناتو", "حلف الناتو"], "en": ["NATO"],
     "desc": "حلف عسكري", "prior": 0.7},
    {"id": "Q85", "type": "LOC", "ar": ["القاهرة"], "en": ["Cairo"], "desc": "عاصمة مصر", "prior": 0.8},
]
folder = Path(tempfile.mkdtemp())
path = folder / "my_kb.jsonl"
path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\\n" for row in rows), encoding="utf-8")
mine = KnowledgeBase.load(path)
print(len(mine), "entities in my KB;", len(default_kb()), "in the bundled one")
"""),
    md("""
## Looking names up

`lookup` gives the entities a name may denote, best first, and how each matched: `exact` (the first Arabic
label), `alias` (another label) or `phonetic` (a transliteration-aware key that lets Arabic spellings meet each
other and English labels). Names are compared on their normal form, so hamza and ta marbuta variants match.
"""),
    py("""
for name in ["اليونسكو", "الناتو", "القاهره", "UNESCO"]:
    print(name, [(c.entry.id, c.how) for c in mine.lookup(name)])
"""),
    md("""
## Linking an article with your KB

`Pipeline(kb=...)` links to your KB instead of the bundled one (entity linking and dateline checks use it).
Build a KB that holds both (`KnowledgeBase` takes any iterable of entries) to keep the bundled entities too.
"""),
    py("""
from arnews import Pipeline

combined = KnowledgeBase([*default_kb(), *mine])

text = (
    "اليونسكو تدعم ترميم المواقع التاريخية\\n\\n"
    "القاهرة - أ ف ب\\n"
    "أعلنت اليونسكو أنها ستمول ترميم مواقع أثرية في القاهرة، فيما رحبت منظمة الصحة العالمية بالتعاون.\\n"
    "وقال الأمين العام لحلف الناتو إن الحلف لا يشارك في المشروع.\\n"
)
articles = {label: Pipeline(kb=kb).parse(text) for label, kb in (("bundled KB", None), ("bundled + mine", combined))}
for label, article in articles.items():
    print(label)
    for entity in article.entities:
        print(f"   {entity.id:10} {entity.type} {entity.name}  {[m.text for m in entity.mentions]}")
"""),
    md("""
## Building a KB from Wikidata

For a large KB, `python -m arnews.kb.build DUMP.json.gz -o my_kb.jsonl.gz` streams a Wikidata JSON dump and keeps
the items with an Arabic label whose class (P31) is one of those in `arnews/data/kb/wikidata_classes.tsv`;
`--sources FOLDER` adds CSV files with the columns `wikidata,name_ar,name_en,...[,type]`.
"""),
]


NOTEBOOKS: dict[str, list[Cell]] = {
    "01_parse_one_article.ipynb": PARSE_ONE,
    "02_quotes_table.ipynb": QUOTES,
    "03_money_and_donations.ipynb": MONEY,
    "04_your_own_kb.ipynb": OWN_KB,
}


def build(cells: list[Cell]) -> nbformat.NotebookNode:
    nb = new_notebook(
        cells=[new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in cells],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"  # stable ids: regenerating gives the same file
    nbformat.validate(nb)
    return nb


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, cells in NOTEBOOKS.items():
        path = EXAMPLES / name
        text = nbformat.writes(build(cells)) + "\n"
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print("wrote", path)
    if stale:
        print("out of date (run scripts/make_notebooks.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
