"""Web pages: the article read out of real-looking news pages (navigation, share bars, related articles and comments
left out, entities decoded, figure captions and credits, metadata), offsets into the article text, and the seeds
wrapped in such pages parsed as they are in plain text."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import warnings
from pathlib import Path

import pytest

import arnews
from arnews.cli import main
from arnews.nlp import RuleAnalyzer
from arnews.pages import read_page

RULES = arnews.Pipeline(analyzer=RuleAnalyzer())

TITLE = "وزير المالية: الميزانية تحقق فائضا"
BODY = """<p>الرياض&nbsp;- واس</p>
<p>أعلن وزير المالية &quot;محمد الجدعان&quot; أن الميزانية <b>حققت</b> فائضا قدره 5&nbsp;ملايين ريال خلال الربع
الثاني من العام الجاري.</p>
<p>وقال الجدعان في مؤتمر صحفي يوم الخميس: &laquo;إن الاقتصاد السعودي يسير في الاتجاه الصحيح رغم انخفاض أسعار
النفط&raquo;.</p>
<!-- <p>فقرة مخفية في تعليق</p> -->
<p>وأضاف أن الحكومة ستواصل الإنفاق على المشاريع التنموية في جميع مناطق المملكة.</p>"""
FIGURE = """<figure class="main-image"><img src="/img/1.jpg" alt="">
<figcaption>وزير المالية خلال المؤتمر الصحفي في الرياض <span class="photo-credit">تصوير: سعد الدوسري</span>
</figcaption></figure>"""
META = """<meta property="og:title" content="{title}">
<meta property="og:site_name" content="صحيفة المثال">
<meta property="og:url" content="https://www.example.sa/news/2015/07/23/123">
<meta property="article:published_time" content="2015-07-23T10:05:00+03:00">
<meta name="author" content="خالد العمري">
<meta property="article:section" content="اقتصاد">
<meta property="article:tag" content="الميزانية">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{title}", "datePublished": "2015-07-23T10:05:00+03:00",
"author": {{"@type": "Person", "name": "خالد العمري"}},
"publisher": {{"@type": "Organization", "name": "صحيفة المثال"}}}}</script>"""


def news_page(title: str, body: str, *, figure: str = "", meta: bool = True, time: str = "") -> str:
    """A page built like those of Arabic news sites: header, navigation, breadcrumbs, the article, a share bar,
    tags, related articles, comments and a footer."""
    head = META.format(title=html.escape(title)) if meta else ""
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{html.escape(title)} | صحيفة المثال</title>{head}
<script>var related = "<p>ليس من الخبر</p>";</script><style>p {{ color: #333 }}</style></head>
<body><header><div class="logo">صحيفة المثال</div><nav><ul><li><a href="/">الرئيسية</a></li>
<li><a href="/local">محليات</a></li><li><a href="/eco">اقتصاد</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
</header>
<div class="breadcrumbs"><a href="/">الرئيسية</a> &gt; <a href="/eco">اقتصاد</a></div>
<main><article>
<h1>{html.escape(title)}</h1>
<div class="meta">{time}</div>
{figure}
<div class="article-body">
{body}
</div>
<div class="share-bar"><a href="#">تويتر</a> <a href="#">فيسبوك</a> <a href="#">واتساب</a> شارك الخبر</div>
</article>
<section class="related"><h3>أخبار ذات صلة</h3><ul><li><a href="/n/2">ارتفاع أسعار النفط في الأسواق العالمية</a></li>
<li><a href="/n/3">البنك المركزي يرفع سعر الفائدة مجددا</a></li></ul></section>
<section id="comments" class="comments"><h3>التعليقات</h3>
<div class="comment"><p>محمد: خبر رائع، وقال أحد القراء «الحمد لله على هذه النتائج»</p></div>
<div class="comment"><p>سارة: متى تنخفض الأسعار؟ تبرعت بمبلغ 500 ريال للجمعية</p></div>
<form><textarea></textarea><button>أرسل</button></form></section>
</main>
<footer><p>جميع الحقوق محفوظة © صحيفة المثال 2015</p></footer></body></html>"""


def spans_index_the_text(article: arnews.Article) -> None:
    d = article.to_dict()
    pieces = [*d["paragraphs"], *d["captions"], *d["quotes"], *d["money"], *d["dates"]]
    pieces += [m for e in d["entities"] for m in e["mentions"]]
    pieces += [x for x in (d["title_span"], d["dateline_span"], d["dateline_place"]) if x is not None]
    pieces += [c["credit_span"] for c in d["captions"] if c["credit_span"]]
    for piece in pieces:
        assert article.text[piece["start"] : piece["end"]] == piece["text"]


def test_a_news_page_gives_its_article_and_metadata() -> None:
    a = RULES.parse(news_page(TITLE, BODY, figure=FIGURE))
    assert a.title == TITLE
    assert a.dateline == "الرياض"
    assert a.dateline_span is not None and a.dateline_span.text == "الرياض - واس"
    assert a.published == dt.datetime(2015, 7, 23, 10, 5)
    assert a.source.site == "صحيفة المثال"
    assert a.source.author == "خالد العمري"
    assert a.source.url == "https://www.example.sa/news/2015/07/23/123"
    assert a.source.categories == ("اقتصاد",)
    assert a.source.tags == ("الميزانية",)
    assert [p.text[:12] for p in a.paragraphs] == ["أعلن وزير ال", "وقال الجدعان", "وأضاف أن الح"]
    assert [m.text for m in a.money] == ["5 ملايين ريال"]  # the entity decoded: no "&nbsp;"
    assert [q.text for q in a.quotes if q.kind == "direct"] == [
        "إن الاقتصاد السعودي يسير في الاتجاه الصحيح رغم انخفاض أسعار النفط"
    ]
    spans_index_the_text(a)


def test_navigation_share_bars_related_articles_comments_and_scripts_are_left_out() -> None:
    a = RULES.parse(news_page(TITLE, BODY, figure=FIGURE))
    for furniture in ("الرئيسية", "شارك الخبر", "أخبار ذات صلة", "التعليقات", "الحمد لله", "500 ريال", "ليس من الخبر"):
        assert furniture not in a.text
    assert "جميع الحقوق" not in a.text and "فقرة مخفية" not in a.text
    assert not a.donations and len(a.money) == 1


def test_a_figure_caption_and_its_credit_are_a_caption() -> None:
    a = RULES.parse(news_page(TITLE, BODY, figure=FIGURE))
    assert [(c.text, c.credit) for c in a.captions] == [
        ("وزير المالية خلال المؤتمر الصحفي في الرياض", "تصوير: سعد الدوسري")
    ]
    assert not any("تصوير" in p.text or "المؤتمر الصحفي في الرياض" in p.text for p in a.paragraphs)
    no_credit = FIGURE.replace('<span class="photo-credit">تصوير: سعد الدوسري</span>', "")
    a = RULES.parse(news_page(TITLE, BODY, figure=no_credit))
    assert [(c.text, c.credit) for c in a.captions] == [("وزير المالية خلال المؤتمر الصحفي في الرياض", None)]
    spans_index_the_text(a)


def test_figures_of_related_articles_are_not_captions() -> None:
    related = '<aside class="related"><figure><img src="/x.jpg"><figcaption>صورة خبر آخر</figcaption></figure></aside>'
    page = news_page(TITLE, BODY, figure=FIGURE).replace("</main>", related + "</main>")
    assert [c.text for c in RULES.parse(page).captions] == ["وزير المالية خلال المؤتمر الصحفي في الرياض"]


@pytest.mark.parametrize(
    "time",
    [
        '<time datetime="2015-07-23T10:05:00+03:00">الخميس 23 يوليو 2015</time>',
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2015-07-23T10:05:00"}</script>',
    ],
)
def test_the_date_comes_from_a_time_element_or_json_ld_and_anchors_relative_dates(time: str) -> None:
    a = RULES.parse(news_page(TITLE, BODY, meta=False, time=time))
    assert a.published == dt.datetime(2015, 7, 23, 10, 5)
    assert [(d.text, d.value) for d in a.dates if d.text == "يوم الخميس"] == [("يوم الخميس", "2015-07-23")]


def test_a_page_without_metadata() -> None:
    a = RULES.parse(news_page(TITLE, BODY, meta=False))
    assert a.title == TITLE
    assert a.published is None and a.source.author is None and a.source.categories == ()
    assert a.dateline == "الرياض" and len(a.paragraphs) == 3
    spans_index_the_text(a)


def test_a_caller_date_and_address_win_over_the_page() -> None:
    page = news_page(TITLE, BODY)
    a = RULES.parse(page, published=dt.datetime(2016, 1, 1), url="https://other.example/a")
    assert a.published == dt.datetime(2016, 1, 1)
    assert a.source.url == "https://other.example/a"


def test_a_fragment_is_read_block_by_block() -> None:
    a = RULES.parse("<h1>عنوان الخبر</h1><p>الرياض - واس</p><p>افتتح الوزير المشروع اليوم.<br>سطر ثان.</p>")
    assert a.title == "عنوان الخبر"
    assert a.dateline == "الرياض"
    assert a.text == "عنوان الخبر\n\nالرياض - واس\n\nافتتح الوزير المشروع اليوم.\nسطر ثان."


def test_a_page_with_no_article_text_warns_and_gives_an_empty_article() -> None:
    with pytest.warns(UserWarning, match="no article text"):
        page = read_page("<html><head><title></title></head><body><nav><a href='/'>x</a></nav></body></html>")
    assert page.text == ""


def test_the_article_text_round_trips_and_plain_text_is_the_input(seed_texts: list[str]) -> None:
    a = RULES.parse(news_page(TITLE, BODY, figure=FIGURE))
    assert arnews.Article.from_dict(json.loads(a.to_json())) == a
    plain = RULES.parse(seed_texts[0])
    assert plain.text == seed_texts[0]


@pytest.mark.parametrize(
    "broken",
    ["<script>" + "<p>" * 50_000, "<!--" + "a-" * 50_000, "<p " * 50_000, "<html><p>نص" + "<b>" * 9999],
)
def test_broken_markup_is_read_without_error(broken: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = RULES.parse(broken)
    spans_index_the_text(a)


# --- the seeds wrapped in pages -------------------------------------------------------------------------------


def seed_page(text: str) -> str:
    """A seed laid out as a news page: the lines before its title in the breadcrumbs, the title as the heading,
    each later block of lines a paragraph of the article body (a line break between its lines)."""
    title = RULES.parse(text).title_span
    assert title is not None
    before = [ln.strip() for ln in text[: title.start].splitlines() if ln.strip()]
    blocks = [[ln.strip() for ln in b.splitlines() if ln.strip()] for b in re.split(r"\n\s*\n", text[title.end :])]
    body = "\n".join("<p>" + "<br>".join(html.escape(ln) for ln in b) + "</p>" for b in blocks if b)
    page = news_page(title.text, body, meta=False)
    crumbs = "".join(f"<a href='/'>{html.escape(ln)}</a>" for ln in before)
    return page.replace('<div class="breadcrumbs">', f'<div class="breadcrumbs">{crumbs}')


def findings(a: arnews.Article) -> dict[str, object]:
    return {
        "title": a.title,
        "dateline": a.dateline,
        "published": a.published,
        "paragraphs": [p.text for p in a.paragraphs],
        "captions": [(c.title, c.text, c.credit) for c in a.captions],
        "translated": (a.source.translated, a.source.translator),
        "quotes": [(q.kind, q.text, q.cue, q.speaker.name if q.speaker else None) for q in a.quotes],
        "money": [(m.text, m.value, m.currency) for m in a.money],
        "donations": [(d.amount.text, d.organizer, d.recipient, d.donor) for d in a.donations],
        "dates": [(d.text, d.value) for d in a.dates],
        "entities": sorted((e.name, e.type, e.wikidata) for e in a.entities),
    }


@pytest.mark.parametrize("index", [0, 1, 2])
def test_a_seed_wrapped_in_a_news_page_is_parsed_as_in_plain_text(seed_texts: list[str], index: int) -> None:
    plain = RULES.parse(seed_texts[index])
    wrapped = RULES.parse(seed_page(seed_texts[index]))
    assert findings(wrapped) == findings(plain)
    spans_index_the_text(wrapped)


def test_the_command_line_reads_an_html_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.html").write_text(news_page(TITLE, BODY, figure=FIGURE), encoding="utf-8")
    assert main(["parse", str(tmp_path / "a.html"), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["title"] == TITLE and out["dateline"] == "الرياض"
    for p in out["paragraphs"]:
        assert out["text"][p["start"] : p["end"]] == p["text"]
