"""Quoted names versus speech: a quote that names a programme, a company, a campaign or a term is nobody's words."""

from __future__ import annotations

from collections.abc import Sequence

from arnews.core import cue_verbs, grammar, names
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.core.text import normalize
from arnews.quotes import cues, frames
from arnews.quotes import speakers as sp
from arnews.quotes.marks import MAX_SPEAKER_WORDS, RawQuote, mark_table, phrase_end, words_in
from arnews.quotes.objects import told_before
from arnews.quotes.reading import Guess, Reading


def is_name(ctx: Reading, toks: Sequence[Tok], q: RawQuote, words: int) -> bool:
    """A quoted name (organisation, campaign, title), not words spoken."""
    named = _is_name(ctx, toks, q, words)
    if named and q.close_tok is not None:
        ctx.last_name_end = toks[q.close_tok][1]  # «روسريتينغ» و«ا كا اند ام»: a list of names goes on
    return named


def _named_by_title(toks: Sequence[Tok], q: RawQuote) -> bool:
    """ "حمل عنوان «الجار ثم الدار: ...؟»"، "تحت شعار “...”": a naming word right before the quote; "وأيضا كتاب:
    «...»": a work named behind a colon, where no cue verb speaks, or listed after a plural of works."""
    k = q.open_tok - 1
    colon = k >= 0 and toks[k][2] == ":"
    k -= colon
    if k < 0 or not grammar.is_word(toks[k]):
        return False
    if grammar.in_lexicon(toks[k][2], cues.naming_words()):
        return True
    if not colon or not cues.work_noun(toks[k][2]):
        return colon and cues.works_listed(toks, k)  # "عدد من الكتب، ومن بينها: «...»": a plural of works before
    j = k - 1
    while j >= max(0, k - 8) and toks[j][2] not in cues.PUNCT_STOP and cues.verb_at(toks, j) is None:
        j -= 1  # "من بين قصصها": a cue behind a preposition is a noun or a preposition
    return j < max(0, k - 8) or toks[j][2] in cues.PUNCT_STOP


def _is_name(ctx: Reading, toks: Sequence[Tok], q: RawQuote, words: int) -> bool:
    if _named_by_title(toks, q):
        return True  # a title of any length
    if q.open_tok + 1 < len(toks) and toks[q.open_tok + 1][2] in load_set("complementizers"):
        return False  # "لوكالة الأنباء “إنها أبرز صحيفة ...”": a clause opened by إن/أن is somebody's words
    if words > 7:
        return False
    if _list_of_names(ctx, toks, q) or _spelled_acronym(toks, q):
        return True
    if words <= 3 and q.close_tok is not None and in_speaker_slot(ctx, toks, q):
        return True  # "وبينت مصادر «سبق» أن"، "ويرى “جون ديغنان” خبير المدن أن": part of the speaker phrase
    if q.close_tok is not None and _subject_of_cue(toks, q):
        return True  # "وأعلن «المرصد السوري لحقوق الإنسان»، أن": the body that speaks, named in marks
    if words <= 3 and q.close_tok is not None and _subject_before_cue(toks, q):
        ctx.named_subject = (toks[q.open_tok + 1][0], toks[q.close_tok - 1][1])  # the words inside the marks
        return True  # "" سبق " تقول للمسؤول: ...": the outlet that speaks, before its verb
    if words <= 3 and short_name(ctx, toks, q):
        ctx.last_name_end = toks[q.close_tok][1] if q.close_tok is not None else -1
        return True
    if (words <= 3 and after_speaker(ctx, toks, q)) or (words > 3 and told_before(toks, q.open_tok)):
        return False  # "قالت الوزيرة «نعم»"، "وقال الوزير لقناة محلية «...»": the words said, not a name
    k = q.open_tok - 1
    if k < 0:
        return False
    prev = toks[k][2]
    glued = toks[q.open_tok][0] == toks[k][1]
    if glued and grammar.is_word(toks[k]) and prev in grammar.GLUED_PREPOSITIONS:
        return True
    if not grammar.is_word(toks[k]):
        return prev == ":" and k > 0 and grammar.in_lexicon(toks[k - 1][2], cues.naming_words())
    preposition = grammar.strip_proclitic(prev) in cues.name_prepositions()  # "ومن «القاعدة»" too
    if preposition and words >= 2 and _cue_complement(toks, k):
        return False  # "وشدد الوزير على «ضرورة الالتزام بالأنظمة»": the cue's clause, in marks
    if grammar.common_noun(prev) or grammar.in_lexicon(prev, cues.naming_words()) or preposition:
        return True
    if grammar.is_title(prev) and not grammar.has_article(grammar.strip_proclitic(prev)):
        return True  # "تيم بيل رئيس «نايت فرانك لأبحاث العقارات»": a title in construct with the body it heads
    # "في كتابه القيم «...»"، "فيلم الرسوم المتحركة الجديد «...»": a work or body named after its adjectives
    k -= 1
    while k >= 0 and k > q.open_tok - 4 and grammar.is_word(toks[k]) and toks[k][2].startswith("ال"):
        if prev.startswith("ال") and grammar.common_noun(toks[k][2]):
            return True  # "المجموعة الإعلامية اليابانية «نيكاي»": the head noun with its article
        k -= 1
    return 0 <= k < q.open_tok - 1 and grammar.is_word(toks[k]) and grammar.common_noun(toks[k][2])


_COMPLEMENT_REACH = 6  # words of a speaker phrase between a cue verb and the preposition of its clause


def _cue_complement(toks: Sequence[Tok], k: int) -> bool:
    """The preposition at ``toks[k]`` is the one through which a cue verb a few words before it takes its reported
    clause ("وشدد الوزير على"، "وأشار المتحدث إلى"): the words between are its speaker phrase."""
    for j in range(k - 1, max(-1, k - _COMPLEMENT_REACH - 1), -1):
        if not grammar.is_word(toks[j]):
            return False
        cue = cues.verb_at(toks, j)
        if cue is not None:
            comp = frames.complements().get(normalize(cue.lemma))
            return comp is not None and grammar.strip_proclitic(toks[k][2]) in comp.separate  # "أكد على ... وعلى"
    return False


_ACRONYM_WORDS = 6  # the longest quoted name around a spelled acronym ("«جي بي مورجان تشايس آند كو»")


def _spelled_acronym(toks: Sequence[Tok], q: RawQuote) -> bool:
    """A short quote with two or more Latin letters spelled out in a row ("«دي بي 9 جي تي»"، "«بي آر دي إم»"،
    "«لايت سبيد جي إم آي»"): a model, a brand or a body named by its acronym, not words anybody said."""
    if q.close_tok is None:
        return False
    inner = toks[q.open_tok + 1 : q.close_tok]
    if not inner or len(inner) > _ACRONYM_WORDS or not all(grammar.is_word(t) for t in inner):
        return False
    letters, run, best = names.letter_names(), 0, 0
    for t in inner:
        run = run + 1 if t[2] in letters else 0
        best = max(best, run)
    if best < 2:
        return False
    # a verb of saying, إن/أن, a pronoun or a stop word that spells no letter ("«نحن جي بي»") makes it a clause
    comps, pronouns = load_set("complementizers"), load_set("personal_pronouns")
    return not any(
        cue_verbs.cue_of(t[2]) or t[2] in comps or t[2] in pronouns or (grammar.is_stop(t[2]) and t[2] not in letters)
        for t in inner
    )


_LIST_ITEM_WORDS = 3


def _list_of_names(ctx: Reading, toks: Sequence[Tok], q: RawQuote) -> bool:
    """A quote that lists short items ("جزيرة المرجان، والفناتير بالجبيل، وشاطئ نصف القمر"): places, products or
    programmes named one after another, not a clause anybody said."""
    if q.close_tok is None:
        return False
    inner = [t for t in toks[q.open_tok + 1 : q.close_tok]]
    items: list[list[str]] = [[]]
    for t in inner:
        if t[2] in ("،", ","):
            items.append([])
        elif grammar.is_word(t):
            items[-1].append(t[2])
        else:
            return False
    if len(items) < 3 or any(not item or len(item) > _LIST_ITEM_WORDS for item in items):
        return False
    words = [w for item in items for w in item]
    complementizers = load_set("complementizers")
    return not any(w in complementizers or cue_verbs.cue_of(w) is not None or grammar.is_stop(w) for w in words)


def follows_quote(ctx: Reading) -> bool:
    """Whether the previous paragraph ended with a quote (a speaker's words running on)."""
    return ctx.last_quote_end >= 0 and ctx.last_quote_end >= ctx.prev_paragraph_tail


def short_name(ctx: Reading, toks: Sequence[Tok], q: RawQuote) -> bool:
    """Whether a quote of one to three words is a name («بوينج»، «أرامكو»، «كي تي إن»), not speech: the
    linker or ``known_names.tsv`` knows it, it is listed with a quoted name just before it, a Latin gloss or
    a quoted speech follows it, or it is the subject or object of a clause that goes on after it."""
    v = ctx.view
    if ctx.entity_index.containing(v.raw_span(q.start, q.end)) is not None:
        return True
    if v.norm[q.start : q.end].strip() in cues.known_names():
        return True
    k = q.open_tok - 1
    j = k
    while j >= 0 and j > k - 2 and (toks[j][2] in "،," or toks[j][2] in names.CONJUNCTIONS):
        j -= 1
    if 0 <= j < k and toks[j][1] == ctx.last_name_end:
        return True  # «إيربي إن بي» و«ريديت»: one of a list of names
    if q.close_tok is None:
        return False
    close = q.close_tok
    for _ in range(10):  # a list of short quotes («جوجل» و«ياهو» ستستفيد): what follows the list decides
        j = close + 1
        while j < len(toks) and j <= close + 2 and (toks[j][2] in "،," or toks[j][2] in names.CONJUNCTIONS):
            j += 1
        item = ctx.raw_at.get(j) if j > close + 1 else None
        if item is None or item.close_tok is None or words_in(toks, item) > 3:
            break
        close = item.close_tok
    if close + 1 >= len(toks):
        return False
    nxt = toks[close + 1]
    if nxt[2] == ":" and close + 2 < len(toks) and toks[close + 2][2] in mark_table():
        return True  # "لمحطة التلفزيون الكينية «كي تي إن»: «...»": the speech is the next quote
    if not grammar.is_word(nxt) or nxt[0] - toks[close][1] > 1:
        return False
    word = nxt[2]
    if word.isascii() and word.isalpha():
        return True  # «أوكيلوس ريفت» Oculus Rift
    if word in load_set("relative_pronouns") and word.startswith("ال"):
        return True  # "أن «معرض وظائف 2015» الذي يحتضنه ...": a noun that a relative clause describes
    if word in load_set("verb_particles") and (
        k < 0 or toks[k][2] in load_set("complementizers") or not grammar.is_word(toks[k])
    ):
        return True  # "أن «مسك» قد حازت": the subject of a verb
    if k >= 0 and grammar.is_word(toks[k]) and cue_verbs.cue_of(toks[k][2]) is not None:
        return True  # "أعلنت «فلاي دبي» عن"، "سألت «الشرق الأوسط» الرؤساء": the verb's subject, named
    stop = grammar.is_stop(word) and word not in load_set("auxiliary_verbs")  # "أن موسم «الهوت كوتير» كان"
    if len(word) < 3 or word[0] in names.CONJUNCTIONS or stop:
        return False  # "“سوء الإدارة” و”مستعجل”"، "«سخيفة» قبل": the clause or a list goes on
    if k < 0 or not grammar.is_word(toks[k]):
        return True  # «أوبك» قادرة ...: the subject of its clause
    prev = toks[k][2]
    if prev in load_set("complementizers"):
        # after bare إن/أن the quote is the subject; after أنه/بأنها it is the predicate (the words reported)
        return len(prev.removeprefix("ب")) == 2
    return cue_verbs.cue_of(prev) is None and prev not in load_set("predicate_words")


def after_speaker(ctx: Reading, toks: Sequence[Tok], q: RawQuote) -> bool:
    """Whether a short quote comes right after a cue verb and the speaker it names, and ends its clause
    ("قالت الوزيرة «نعم»."، "وقال المتحدث الرسمي «لا» ثم انصرف"): words spoken, not a name. The speaker is
    a person, a title or an anonymous source that reaches the quote (not "صحيفة «عكاظ»", not "رئيس تحرير
    صحيفة «عكاظ»"), and no إن/أن follows in the sentence (then the quote is in the speaker's phrase)."""
    o = q.open_tok
    k = o - 1
    while k >= 0 and k >= o - MAX_SPEAKER_WORDS and grammar.is_word(toks[k]) and cue_verbs.cue_of(toks[k][2]) is None:
        k -= 1
    if k < 0 or k == o - 1 or not grammar.is_word(toks[k]):
        return False
    if any(grammar.is_stop(t[2]) or t[2] in load_set("complementizers") for t in toks[k + 1 : o]):
        return False  # "قال أحد السكان إنه سمع «انفجارا»"، "أحد الأعضاء في «داعش»": not the speaker alone
    cue = cue_verbs.cue_of(toks[k][2])
    if cue is None or cue.participle or cue.role == "describe":
        return False
    if cue.strict and k > 0 and toks[k - 1][2] not in cues.PUNCT_STOP:
        return False  # "بين مستخدمي «تويتر»": a strict form is a cue only at a clause start
    if toks[o - 1][2] in grammar.GLUED_PREPOSITIONS or toks[o - 1][2][0] in "لب":
        return False  # "أفادت مصادر المقاومة لـ«الشرق الأوسط»": the quote is whom the speaker told
    phrase = sp.parse_phrase(toks[k + 1 : o])
    if phrase is None or (phrase.institution and not phrase.titled):
        return False
    # the speaker's name, title or (anonymous source) description reaches the quote
    desc_end = phrase.description[1] if phrase.description else -1
    if toks[o - 1][1] not in (phrase.name[1], desc_end):
        return False
    close = q.close_tok
    if close is None:
        return False
    nxt = close + 1
    if nxt + 1 < len(toks) and toks[nxt][2] in "،,":
        nxt += 1  # "«نعم»، ثم غادرت"
    # the clause going on after the quote makes it a name in it ("أكد مرشحون «خاسرون» لم ..."), unless the
    # next clause opens there ("«نعم» ثم غادرت"، "«لا» وأضاف")
    if (
        nxt < len(toks)
        and not cues.ends(toks[nxt])
        and not (
            grammar.is_word(toks[nxt])
            and (next_cue(toks, nxt) or grammar.strip_proclitic(toks[nxt][2]) in load_set("speech_clause_links"))
        )
    ):
        return False
    for j in range(nxt, min(len(toks), nxt + 10)):
        t = toks[j][2]
        if t in load_set("complementizers"):
            return False
        if cues.ends(toks[j]) or next_cue(toks, j):
            break  # "«لا» وأضاف أن ...": that أن is the next cue's
    return True


def next_cue(toks: Sequence[Tok], k: int) -> bool:
    """Whether ``toks[k]`` is a cue verb opening a new clause: behind و/ف ("وأضاف") or a clause link ("ثم
    أضاف")."""
    word = toks[k][2]
    if cue_verbs.cue_of(word) is None:
        return False
    links = load_set("speech_clause_links")
    return grammar.strip_proclitic(word) != word or (k > 0 and grammar.strip_proclitic(toks[k - 1][2]) in links)


def in_speaker_slot(ctx: Reading, toks: Sequence[Tok], q: RawQuote) -> bool:
    """Whether a short quote stands between a cue verb and its إن/أن or colon, where the speaker is named."""
    before = [k for k in range(max(0, q.open_tok - 2), q.open_tok) if grammar.is_word(toks[k])]
    if not any(cue_verbs.cue_of(toks[k][2]) is not None for k in before):
        return False
    for k in range(q.after, min(len(toks), q.after + 10)):
        t = toks[k][2]
        if t in load_set("complementizers"):
            return True
        if cues.ends(toks[k]) or next_cue(toks, k):
            return False  # "قال المتحدث «لا» ثم أضاف أن": that أن is the next cue's
        if t == ":":
            return True  # "قال "عذبي العقيل" مدير عام المبيعات: "..."": the speaker's name in marks
    return False


def _subject_of_cue(toks: Sequence[Tok], q: RawQuote) -> bool:
    """A quote right after a cue verb and right before its إن/أن (a comma between allowed): the cue's subject,
    whatever its length ("وأعلن «المرصد السوري لحقوق الإنسان»، أن")."""
    k = q.open_tok - 1
    if k < 0 or not grammar.is_word(toks[k]) or cue_verbs.cue_of(toks[k][2]) is None:
        return False
    after = q.after
    if after < len(toks) and toks[after][2] in ("،", ","):
        after += 1
    return after < len(toks) and toks[after][2] in load_set("complementizers")


def _subject_before_cue(toks: Sequence[Tok], q: RawQuote) -> bool:
    """A short quote that opens its clause right before an imperfect cue verb with no subject after it: the verb's
    subject ("«سبق» تقول للمسؤول: ..."), not words ("«لا» يقول المتظاهرون" names them after the verb)."""
    k = q.after
    if q.close_tok is None or k >= len(toks) or (q.open_tok > 0 and toks[q.open_tok - 1][2] not in cues.PUNCT_STOP):
        return False
    word = toks[k][2]
    if word[:1] not in ("ي", "ت") or cues.verb_at(toks, k) is None:
        return False
    end = phrase_end(toks, k + 1, min(len(toks), k + MAX_SPEAKER_WORDS + 1))
    phrase = sp.parse_phrase(toks[k + 1 : end])
    if phrase is None:
        return True
    name = " ".join(t[2] for t in toks[k + 1 : end] if phrase.name[0] <= t[0] and t[1] <= phrase.name[1])
    return sp.speaker_problem(name) is not None  # "تقول للمسؤول": spoken to, nobody speaking


def predicate_slot(ctx: Reading, toks: Sequence[Tok], open_tok: int) -> bool:
    """Whether a short quote stands where words are reported: after أن/بأنه, هو/هي, or a cue verb."""
    for k in range(open_tok - 1, max(-1, open_tok - 4), -1):
        t = toks[k][2]
        if t in load_set("complementizers") or t in load_set("predicate_words"):
            return True
        cue = cue_verbs.cue_of(t)
        if cue is not None:
            # a strict form (بين، ذكر) is a cue only at a clause start: "بين المنتجين داخل «أوبك»" is not
            return not cue.strict or k == 0 or toks[k - 1][2] in cues.PUNCT_STOP
        if not grammar.is_word(toks[k]):
            return False
    return False


_CREDIT_WORDS = 12  # the longest credit line read for the speaker's phrase


def credit_line(ctx: Reading, toks: Sequence[Tok], q: RawQuote) -> Guess | None:
    """A quote that fills its paragraph (a bullet or a mark around it at most), credited on the next line, as quote
    boxes give them: in brackets ("* «...». ⏎ (الرئيس الأميركي باراك أوباما مروجا لاتفاقه)"), as the subject of a
    cue verb that opens the line, or as a titled name that opens it."""
    nxt = ctx.next_paragraph
    # no word before the quote, then none after it: each check stops at the first word (linear in a paragraph of
    # thousands of quotes, which all fail the first check but one)
    if nxt is None:
        return None
    k = q.open_tok - 1
    while k >= 0 and not grammar.is_word(toks[k]):
        k -= 1
    if k >= 0 and "\n" not in ctx.view.norm[toks[k][1] : toks[q.open_tok][0]]:
        return None  # a word before the quote on its line ("نقرأ: ⏎ * «...»" opens its line)
    k = q.after
    while k < len(toks):  # other quotes may follow in the box ("* «...». «...». ⏎ (مرشد إيران علي خامنئي)")
        if grammar.is_word(toks[k]):
            return None
        other = ctx.raw_at.get(k)
        k = other.after if other is not None and other.after > k else k + 1
    line = ctx.tokens(*nxt)
    if not line:
        return None
    bracket = line[0][2] == "("
    end = int(bracket)
    while end < min(len(line), _CREDIT_WORDS + 1) and grammar.is_word(line[end]):
        if not bracket and end > 0 and cue_verbs.cue_of(line[end][2]) is not None:
            break  # "* «...». ⏎ وزير الخارجية الفلسطيني رياض المالكي يقول إن ...": the credit is the cue's subject
        end += 1
    titled = not bracket and grammar.is_title(line[0][2])
    if not bracket and not titled and (end >= len(line) or cue_verbs.cue_of(line[end][2]) is None):
        return None
    phrase = sp.parse_phrase(line[int(bracket) : end])
    if phrase is None or phrase.anonymous:
        return None
    cue_next = end < len(line) and cue_verbs.cue_of(line[end][2]) is not None
    if titled and not cue_next and (phrase.institution or phrase.name[0] == line[0][0] or not _name_ends(line, phrase)):
        # "* «...». ⏎ رئيس الوزراء البريطاني ديفيد كاميرون خلال مشاركته ...": a line that opens with a title credits
        # the quote when a name follows the title and a little word, a verb of saying or punctuation ends it
        return None
    name = ctx.view.norm[phrase.name[0] : phrase.name[1]]
    return None if sp.speaker_problem(name) is not None else Guess(phrase.name, person=not phrase.institution)


def _name_ends(line: Sequence[Tok], phrase: sp.Phrase) -> bool:
    """Whether the word after the phrase's name plainly ends it: punctuation, a stop word, a relative pronoun, a
    verb of saying or narration or a known imperfect verb that opens the name's predicate (a word the name grammar
    would read on, "السيسي يتوعد", does not)."""
    j = next((j for j, t in enumerate(line) if t[0] >= phrase.name[1]), len(line))
    if j == len(line) or not grammar.is_word(line[j]):
        return True
    word = line[j][2]
    return (
        word in grammar.stopwords()
        or word in load_set("relative_pronouns")
        or cue_verbs.cue_of(word) is not None
        or cue_verbs.narration_of(word) is not None
        or grammar.opens_predicate(line, j)  # "المستشارة الألمانية أنجيلا ميركل تدعو صربيا": the caption's verb
    )
