"""Quote attribution: direct, partial and indirect quotes with their speakers.

Per paragraph, one linear pass pairs the quotation marks (a stack; context before glyph, so a closing mark
used as an opener still opens), keeping only outermost quotes. Each quote is then classified:

* a name (an organisation, campaign, title: ``منظمة “الفوز مع النساء السود”``) is dropped, and so is a quote of
  one to three words that the linker or ``known_names.tsv`` knows, that a Latin gloss or a colon and the speech
  follow, or that is the subject or object of a clause going on after it (``إن «أرامكو» ستبني``);
* ``direct``: a whole clause introduced by a cue verb (``قال X:``), followed by one (``”، كما قالت X``), or
  continuing the previous quote;
* ``partial``: a fragment inside narration (``وصف الأمر بأنه “سوء الإدارة”``).

Indirect speech is a cue verb, its speaker phrase and ``إن/أن``; the reported clause runs to the sentence end.
Speakers come from the phrase after the cue (titles skipped, anonymous sources kept as such); an implicit
subject (``وقال إنه``) goes to the nearest fitting person before it, unless a title phrase, a source or an
organisation stands right before the verb (``وزير الصحة قال إن``، ``وكان الوزير قد أكد أن``). Cue verbs,
titles, anonymous heads and the rest are data files under ``data/lexicons/ar``.
"""

from __future__ import annotations

from arnews.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
