"""Write the tutorial notebooks of examples/ from the cells below (the notebooks are generated, not hand-edited).

Usage: .venv/bin/python scripts/make_notebooks.py [--check]

The notebooks are written without outputs; ``scripts/run_notebooks.py --write`` then executes them and stores
their outputs in examples/ (so that GitHub shows them) and, with ``--docs``, the pages of the docs. ``--check``
exits 1 when the cells of a notebook on disk (their kind and source, not their outputs) differ from these.
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

`arnews.parse_many` parses many articles in batches (texts, or `pathlib.Path` objects of article files) and yields
one `Article` per item, in order. `arnews.to_frame` turns them into a pandas table, one row per quote: what was
said, the kind of quote (`direct` inside quotation marks, `partial` for a quoted phrase inside reported speech,
`indirect` for reported speech), the cue verb and the speaker, with the article's columns first.
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
quotes = arnews.to_frame(articles, "quotes", ids=[path.stem[:3] for path in paths])
print(list(quotes.columns))
shown = quotes[["article", "kind", "speaker", "speaker_wikidata", "cue", "text"]].copy()
shown["text"] = shown["text"].str.slice(0, 50)
shown
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
`article.text` (for a plain-text file, the file's text itself).
"""),
    py("""
for path, article in zip(paths, articles):
    assert article.text == path.read_text(encoding="utf-8")
    assert all(article.text[q.start : q.end] == q.text for q in article.quotes)
print("all quote offsets check out")
"""),
]

MONEY: list[Cell] = [
    md("""
# Money and donations

`article.money` holds every monetary amount mentioned, with its value as a `Decimal`, an ISO 4217 currency code
and a qualifier (`more_than`, `about`, ...). `article.donations` keeps only money given, raised, pledged or
granted voluntarily, with who organised, gave and received it. Prices, revenues, budgets, salaries, loans and
investments are money, not donations. `arnews.to_frame` gives both as tables.
"""),
    py("""
from pathlib import Path

import matplotlib.pyplot as plt

import arnews

paths = sorted(Path("../seeds").glob("*.txt"))
articles = list(arnews.parse_many(paths))
ids = [path.stem[:3] for path in paths]
"""),
    md("""
## Every amount in the seed articles
"""),
    py("""
money = arnews.to_frame(articles, "money", ids=ids)
money[["article", "text", "value", "currency", "qualifier", "vague", "start"]]
"""),
    md("""
## Donations

A donation's amount is one of the amounts above; `evidence` is the sentence that says it was given.
"""),
    py("""
donations = arnews.to_frame(articles, "donations", ids=ids)
donations[["article", "amount_text", "value", "currency", "organizer", "donor", "recipient", "participants", "date"]]
"""),
    md("""
## Your own text

The same on a short article written for this notebook: a charity's fundraising total with its number of
participants, a pledge, a gift, and a budget and a price that are money but not donations. The total names no
recipient: the hospital is the businessman's recipient, not the campaign's.
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
arnews.to_frame([article], "donations")[["amount_text", "organizer", "donor", "recipient", "participants", "date"]]
"""),
    md("""
## A chart: money raised, by organiser

Donations in the seeds, summed per organiser (or donor, when no organiser is named). Matplotlib 3.11 and later
shape Arabic and order it right to left by itself; `arabic_label` does it with arabic-reshaper and python-bidi on
older versions.
"""),
    py("""
import matplotlib

def arabic_label(text):
    major, minor = (int(part) for part in matplotlib.__version__.split(".")[:2])
    if (major, minor) >= (3, 11):
        return text
    import arabic_reshaper
    from bidi import get_display
    return get_display(arabic_reshaper.reshape(text))

given = donations.dropna(subset=["value"]).copy()
given["who"] = given["organizer"].fillna(given["donor"]).fillna("(غير مذكور)")
given["value"] = given["value"].astype(float)
totals = given[given["currency"] == "USD"].groupby("who")["value"].sum().sort_values()
fig, ax = plt.subplots(figsize=(7, 3))
ax.barh([arabic_label(name) for name in totals.index], totals.values)
ax.set_xscale("log")
ax.set_xlabel("USD (log scale)")
ax.set_title(arabic_label("التبرعات حسب الجهة المنظمة"))
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


REAL_NEWS: list[Cell] = [
    md("""
# A folder of real news

What arnews finds in a day of Saudi newswire: who is quoted most, who gave to whom, which entities are linked to
Wikidata, and which days the articles speak of. The articles are a sample of one day of
[SaudiNewsNet](https://github.com/parallelfold/SaudiNewsNet) (31,030 articles from 14 Saudi outlets,
July-August 2015, by Mazen Alsarem; licence CC BY-NC-SA 4.0, research use; each article's copyright stays with its
newspaper). The corpus is not part of arnews: this notebook reads it where it lies beside a clone of the
repository (`../../shared/corpus/saudinewsnet`) and shows only names, counts and dates, no article text. Where the
corpus is absent it reads the seed articles; point `FOLDER` at a folder of your own articles to run it on them.
"""),
    py("""
import json
import zipfile
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

import arnews

CORPUS = Path("../../shared/corpus/saudinewsnet")
FOLDER = Path("../seeds")
SAMPLE = 240

if CORPUS.is_dir():
    day = sorted(CORPUS.glob("*.zip"))[0]
    with zipfile.ZipFile(day) as archive:
        records = json.loads(archive.read(archive.namelist()[0]))
    step = max(1, len(records) // SAMPLE)
    items = [
        arnews.ArticleInput(record["title"] + "\\n\\n" + record["content"], id=f"{record['source']}/{n}",
                            url=record["url"], published=record["date_extracted"][:10])
        for n, record in enumerate(records[::step][:SAMPLE])
    ]
    print(f"{len(items)} of the {len(records):,} articles of {day.stem}")
    print(pd.Series([item.id.split("/")[0] for item in items]).value_counts().to_string())
else:
    paths = sorted(FOLDER.glob("*.txt"))
    items = [arnews.ArticleInput(path.read_text(encoding="utf-8"), id=path.stem) for path in paths]
    print(f"{len(items)} articles of {FOLDER}")
"""),
    md("""
## Parse them

`parse_many` reads them in batches; `errors="return"` puts an error in place of an article that cannot be
parsed, so one bad record does not stop the run. (`n_process=2` would use two cores; `arnews parse corpus.jsonl
--jobs 2 -o out.jsonl` does the same from the command line.)
"""),
    py("""
results = list(arnews.parse_many(items, errors="return"))
pairs = [(item.id, a) for item, a in zip(items, results) if isinstance(a, arnews.Article)]
ids, articles = [i for i, _ in pairs], [a for _, a in pairs]
print(len(articles), "articles parsed,", len(results) - len(articles), "failed")

# Matplotlib 3.11 and later shape Arabic and order it right to left; older ones need arabic-reshaper and python-bidi
def arabic_label(text):
    major, minor = (int(part) for part in matplotlib.__version__.split(".")[:2])
    if (major, minor) >= (3, 11):
        return text
    import arabic_reshaper
    from bidi import get_display
    return get_display(arabic_reshaper.reshape(text))
"""),
    md("""
## Who is quoted most

One row per quote. Named speakers are counted by the entity they point to (so "عادل الجبير" and a later "الجبير"
count together); anonymous sources ("مصدر مطلع") are counted apart.
"""),
    py("""
quotes = arnews.to_frame(articles, "quotes", ids=ids)
print(quotes["kind"].value_counts().to_string())
print(f"no speaker: {quotes['speaker'].isna().mean():.1%}, anonymous: {quotes['anonymous'].mean():.1%}")

named = quotes[quotes["speaker"].notna() & ~quotes["anonymous"]].copy()
names = {}
for article_id, article in pairs:
    for entity in article.entities:
        names[(article_id, entity.id)] = entity.name
named["who"] = [
    names.get((article_id, entity), speaker)
    for article_id, entity, speaker in zip(named["article"], named["speaker_entity"], named["speaker"])
]
top = named.groupby("who").agg(quotes=("text", "size"), articles=("article", "nunique"),
                               wikidata=("speaker_wikidata", "first"))
top = top.sort_values(["quotes", "articles"], ascending=False).head(12)
top
"""),
    py("""
fig, ax = plt.subplots(figsize=(7, 4))
shown = top.iloc[::-1]
ax.barh([arabic_label(name) for name in shown.index], shown["quotes"])
ax.set_xlabel("quotes")
ax.set_title(arabic_label("الأكثر اقتباسا"))
fig.tight_layout()
plt.show()
"""),
    md("""
## Who gave to whom

Donations are money given, raised, pledged or granted: not prices, budgets, salaries or loans. Each row says who
organised, gave and received it, where the article says so.
"""),
    py("""
donations = arnews.to_frame(articles, "donations", ids=ids)
print(len(donations), "donations among", len(arnews.to_frame(articles, "money")), "amounts of money")
donations[["article", "value", "currency", "qualifier", "organizer", "donor", "recipient", "date"]]
"""),
    md("""
## Entities linked to Wikidata

Every entity is a person, organisation, place or other; those found in the knowledge base carry a Wikidata QID.
"""),
    py("""
entities = arnews.to_frame(articles, "entities", ids=ids)
share = entities.groupby("type").agg(entities=("name", "size"), linked=("wikidata", lambda s: s.notna().mean()))
print(share.to_string(formatters={"linked": "{:.0%}".format}))
linked = entities.dropna(subset=["wikidata"])
most = linked.groupby("wikidata").agg(name=("name", "first"), type=("type", "first"), articles=("article", "nunique"),
                                      mentions=("mentions", "sum"))
most.sort_values(["articles", "mentions"], ascending=False).head(15)
"""),
    md("""
## A timeline

Every date the articles mention, resolved against the day each was published ("أمس", "يوم الخميس",
"13 رمضان"), counted by day: what the news of a day speaks of.
"""),
    py("""
dates = arnews.to_frame(articles, "dates", ids=ids)
days = dates[dates["granularity"] == "day"].dropna(subset=["value"]).copy()
days["day"] = pd.to_datetime(days["value"]).dt.normalize()
recent = days[days["day"].between("2015-06-01", "2015-08-31")] if CORPUS.is_dir() else days
counts = recent.groupby("day").size()
print(len(dates), "dates mentioned;", len(days), "name a day")
fig, ax = plt.subplots(figsize=(7, 3))
ax.bar(counts.index, counts.values, width=0.8)
ax.set_ylabel("mentions")
ax.set_title(arabic_label("الأيام التي تذكرها الأخبار"))
fig.autofmt_xdate()
fig.tight_layout()
plt.show()
"""),
]


NOTEBOOKS: dict[str, list[Cell]] = {
    "01_parse_one_article.ipynb": PARSE_ONE,
    "02_quotes_table.ipynb": QUOTES,
    "03_money_and_donations.ipynb": MONEY,
    "04_your_own_kb.ipynb": OWN_KB,
    "05_real_news.ipynb": REAL_NEWS,
}


#: Data a notebook reads where it is present (relative to examples/): its outputs are compared only there.
NEEDS = {"05_real_news.ipynb": "../../shared/corpus/saudinewsnet"}


def build(cells: list[Cell], needs: str | None = None) -> nbformat.NotebookNode:
    metadata: dict[str, object] = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }
    if needs:
        metadata["arnews"] = {"needs": needs}
    nb = new_notebook(
        cells=[new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in cells],
        metadata=metadata,
    )
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"  # stable ids: regenerating gives the same file
    nbformat.validate(nb)
    return nb


def _cells(nb: nbformat.NotebookNode) -> list[tuple[str, str, str]]:
    return [(cell.get("id", ""), cell.cell_type, cell.source) for cell in nb.cells]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, cells in NOTEBOOKS.items():
        path = EXAMPLES / name
        made = build(cells, NEEDS.get(name))
        text = nbformat.writes(made) + "\n"
        if check:
            if not path.exists() or _cells(nbformat.read(path, as_version=4)) != _cells(made):
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
