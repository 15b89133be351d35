"""The entity linker: names found in the article, linked to the knowledge base and clustered per document.

Recognition joins five sources of mentions, all matched on the normal form and reported with exact input offsets:

1. NER spans from the analyzer, when it has a model;
2. the knowledge base as a gazetteer (longest match on word boundaries, proclitics و ف ب ل ك ال لل stripped, so
   "وبايدن" gives the mention "بايدن"; a name whose article is fused into لل keeps the whole word: "للأمم المتحدة");
3. cues of Arabic news (lexicons in ``data/lexicons/ar``): titles and roles before a name ("نائبة الرئيس كامالا
   هاريس", "الاستراتيجي الديمقراطي بكاري سيلرز"), verbs of saying before a name ("قالت ميليسا موراليس"), given
   names ("سارة شاه"), organisation head words before a name, a quoted name or a Latin-script name ("منظمة Win With
   Black Men", "شبكة سي بي إس نيوز"), suffixes of Latin organisation names ("Bison PAC"), and the place before
   "، ولاية X" or in a dateline ("بروفينسيتاون ، ماساتشوستس");
4. institutions named by description (:mod:`arnews.linker.institutions`: "الهيئة العامة للسياحة والتراث الوطني",
   "هيئة تنظيم الكهرباء", "حي الملز") and cities the KB lacks, from GeoNames, where the words say a place is
   meant ("في كاليه": :mod:`arnews.linker.gazetteer`, never linked);
5. the names of people already found, met again alone: a surname or first name joins the full name
   ("هاريس" -> "كامالا هاريس"). When two people share it, the nearest full-name mention before it decides
   (else the nearest after). Acronyms join the entity whose English label or name they spell ("AOC"). A title
   alone ("وقالت الرئيسة") joins the one person the article named with that title, if there is exactly one.

Names of one body written several ways are one entity (:mod:`arnews.linker.variants`): a shortened or reworded
name ("مطار عدن" after "مطار عدن الدولي", "حكومة اليونان" beside "الحكومة اليونانية") and an acronym in brackets
after the name.

Where the model and the rules disagree on an extent, the model's stands unless the KB or a strong cue gives a
better one (:mod:`arnews.linker.model`); a one-word person or organisation that is a frequent word
of news (``common_words.txt``) is dropped. Every pass is linear in the article: the gazetteer grows a span only while
it is the beginning of some KB name (:meth:`arnews.kb.KnowledgeBase.could_continue`), and joins use dicts.

Linking prefers an exact Arabic label, then an alias, then the transliteration-aware key of
:func:`arnews.core.names.phonetic` (which must agree on the full name for people), and the popularity prior among
equals. A surname alone is linked only through a full name in the document, or after a title when one person in the KB
carries that surname clearly more prominently than any other ("الرئيس بايدن").
"""

from __future__ import annotations

from arnews.linker.link import link_entities

__all__ = ["link_entities"]
