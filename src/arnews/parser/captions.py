"""Photo captions: a web page's figure captions, and in text the caption lines that stand above a photo credit."""

from __future__ import annotations

from arnews.core.text import TextView
from arnews.models import Caption, Span
from arnews.pages import Page
from arnews.parser.lines import Line, is_caption_credit, span_of

__all__ = ["caption_end", "credit_captions", "figure_captions"]


def figure_captions(view: TextView, page: Page | None) -> list[Caption]:
    """The captions of a web page's figures (:attr:`arnews.pages.Page.figures`)."""
    if page is None:
        return []
    captions = []
    for fig in page.figures:
        credit = Span(view.raw[fig.credit[0] : fig.credit[1]], *fig.credit) if fig.credit else None
        captions.append(
            Caption(
                view.raw[fig.start : fig.end],
                fig.start,
                fig.end,
                credit=credit.text if credit else None,
                credit_span=credit,
            )
        )
    return captions


def caption_end(caption: Caption) -> int:
    return caption.credit_span.end if caption.credit_span else caption.end


def credit_captions(view: TextView, body: list[Line]) -> tuple[list[Caption], list[Line]]:
    """Photo captions (a credit line, and the one or two lines of the block before it) and the lines left."""
    captions: list[Caption] = []
    caption_lines: set[int] = set()
    for i, line in enumerate(body):
        if i == 0 or not is_caption_credit(view, line):
            continue
        block_id = body[i - 1].block
        group = []
        for j in range(i - 1, max(0, i - 4), -1):  # three lines back at most: a caption has two
            if body[j].block != block_id or j in caption_lines:
                break
            group.append(j)
        if not group or len(group) > 2 or (group[-1] == 1 and body[0].block == block_id):
            continue  # a caption is one or two lines of their own; a longer block is body text
        text_line = body[group[0]]
        title_line = body[group[1]] if len(group) == 2 else None
        credit = span_of(view, line.nstart, line.nend)
        text = span_of(view, text_line.nstart, text_line.nend)
        heading = span_of(view, title_line.nstart, title_line.nend) if title_line else None
        captions.append(
            Caption(
                text.text,
                text.start,
                text.end,
                title=heading.text if heading else None,
                credit=credit.text,
                title_span=heading,
                credit_span=credit,
            )
        )
        caption_lines.update(group)
        caption_lines.add(i)
    return captions, [ln for j, ln in enumerate(body) if j not in caption_lines]
