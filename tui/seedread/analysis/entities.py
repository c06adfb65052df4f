"""Candidate mentions from the gazetteer and from general rules of Arabic news prose:
titles before people, head nouns before organisations, places and events, quoted names.
"""

from __future__ import annotations

import bisect
import re

from seedread.analysis.gazetteer import Gazetteer
from seedread.analysis.lexicon import (
    EVENT_HEADS,
    EVENT_HEADS_NEED_NAME,
    GIVEN_NAMES,
    INSTITUTIONS,
    NAME_LINKS,
    ORG_HEADS,
    PLACE_HEADS_DROPPED,
    PLACE_HEADS_KEPT,
    PLACE_HEADS_NEED_NAME,
    STOPWORDS,
    TITLES,
    WAR_HEADS,
)
from seedread.analysis.linking import Candidate, entity_key
from seedread.analysis.normalize import normalize_word, original_offset
from seedread.analysis.name_lists import attested_name_words
from seedread.analysis.tokens import Token, joined

MAX_COMPLEMENT = 3
OBJECT_SUFFIXES = ("ته", "تها", "تهم", "هم", "هما", "هن")
PLURAL_ENDINGS = ("ين", "ون", "ات")
# First names that begin with و (never read as و + name), and the first halves of
# «… الدين» names; both are small closed sets of Arabic names.
W_INITIAL_NAMES = frozenset(normalize_word(w) for w in """
    وليد وائل وديع وفاء وسام وضاح وجدي وحيد وهيب وصفي ولاء وجيه وداد وفيق وئام وهبة وصال
    ويليام وليام والتر ونستون وانغ ويل وارن
    """.split())
DIN_FIRST_HALVES = frozenset(normalize_word(w) for w in """
    شمس نور صلاح عز سيف علاء بهاء محيي محي زين فخر نجم تقي جمال كمال بدر عماد حسام نصر
    ضياء خير شرف قطب ناصر
    """.split())
DIN = "الدين"
MAX_NAME = 3
MAX_TITLE_REACH = 8
MAX_QUOTED_WORDS = 8
FATHATAN = "\u064b"
_QUOTE_AFTER = re.compile(r"[ \t]*(?:ال)?([«\"“])")
_CLOSING = {"«": "»", '"': '"', "“": "”"}
_DIGITS = re.compile(r"\d+")
HEADS = (
    [(head, "ORG", True) for head in ORG_HEADS]
    + [(head, "LOC", True) for head in PLACE_HEADS_KEPT]
    + [(head, "LOC", False) for head in PLACE_HEADS_DROPPED]
    + [(head, "EVENT", True) for head in EVENT_HEADS]
)
HEAD_INFO = {head: (kind, kept) for head, kind, kept in HEADS}


def find_candidates(text: str, tokens: list[Token], gazetteer: Gazetteer) -> list[Candidate]:
    """Every candidate mention the gazetteer and the rules propose (overlaps included)."""
    known = list(gazetteer_candidates(text, tokens, gazetteer))
    known_first: dict[int, Candidate] = {}
    for candidate in known:
        index = token_index(tokens, candidate.start)
        if index not in known_first or known_first[index].length < candidate.length:
            known_first[index] = candidate
    rules = list(head_candidates(text, tokens, known_first))
    rules += institution_candidates(text, tokens, gazetteer)
    rules += person_candidates(text, tokens, known + rules)
    rules += acronym_candidates(text, known + rules)
    return known + rules


def acronym_candidates(text: str, found: list[Candidate]):
    """A one-word quotation right after an organisation is its short name:
    وكالة الأنباء السعودية «واس»."""
    for candidate in found:
        if candidate.type != "ORG":
            continue
        end = _quoted_end(text, candidate.end)
        if end is not None and len(text[candidate.end : end].split()) == 1:
            opening = max(text.rfind(q, candidate.end, end - 1) for q in _CLOSING)
            yield Candidate(opening + 1, end - 1, "ORG", candidate.source,
                            entity_key(text, candidate))


def token_index(tokens: list[Token], offset: int) -> int:
    """The token that contains `offset` (mentions may start after a proclitic)."""
    return max(0, bisect.bisect_right(tokens, offset, key=_start) - 1)


def _start(token: Token) -> int:
    return token.start


def _stem_start(token: Token, prefix: int) -> int:
    return token.start + original_offset(token.text, prefix)


def gazetteer_candidates(text: str, tokens: list[Token], gazetteer: Gazetteer):
    """Known names, aliases and nisba forms, behind any proclitics."""
    count = len(tokens)
    for i, token in enumerate(tokens):
        for prefix, stem in token.stems:
            longest = gazetteer.first.get(stem)
            if not longest:
                continue
            for length in range(min(longest, count - i), 0, -1):
                words = (stem, *(t.norm for t in tokens[i + 1 : i + length]))
                hit = gazetteer.index.get(words)
                if hit is None or not all(
                    joined(text, tokens[k], tokens[k + 1]) for k in range(i, i + length - 1)
                ):
                    continue
                start, end = _stem_start(token, prefix), tokens[i + length - 1].end
                known = gazetteer.known[gazetteer.choose(words, hit[0], text[start:end])]
                kind = "demonym" if hit[1] == "demonym" else "name"
                yield Candidate(start, end, known.type, known.source, known.id, kind)
                break


def _is_name_word(token: Token, titles_allowed: bool = False) -> bool:
    norm = token.norm
    return (
        len(norm) >= 2
        and norm not in STOPWORDS
        and (titles_allowed or norm not in TITLES)
        and norm not in HEAD_INFO
        and not _DIGITS.search(norm)
        and FATHATAN not in token.text
    )


def _is_person_word(token: Token) -> bool:
    """A name word that is not a common word behind a proclitic: للمجموعة، بالشركة،
    لمجموعة، وأضاف are not names (a known first name such as وليد or فادي always is, and
    علي is one although its folded form is that of على)."""
    if token.norm in GIVEN_NAMES and not token.text.endswith(("ى", "ئ")):
        return True
    if not _is_name_word(token):
        return False
    return not any(prefix and _common_stem(stem) for prefix, stem in token.stems)


def _common_stem(stem: str) -> bool:
    """A definite noun (at least three letters after ال, so فالح and والي stay names) or a
    stop word, title or head noun."""
    return (
        (stem.startswith("ال") and len(stem) >= 5)
        or stem in STOPWORDS
        or stem in TITLES
        or stem in HEAD_INFO
    )


def _conjoined_stem(token: Token) -> int | None:
    """Where a name starts in a word glued to the conjunction و: وسامر → after و. Arabic
    first names that begin with و are a small closed set (W_INITIAL_NAMES: وليد، وائل، وديع،
    وفاء …); any other و-word is read as و + name. None when there is no و."""
    if not token.norm.startswith("و") or token.norm in W_INITIAL_NAMES or len(token.norm) < 4:
        return None
    return _stem_start(token, 1)


def _quoted_end(text: str, offset: int) -> int | None:
    """The end (after the closing quote) of a short quotation opening at `offset`."""
    match = _QUOTE_AFTER.match(text, offset)
    if not match:
        return None
    closing = text.find(_CLOSING[match.group(1)], match.end(), match.end() + 120)
    if closing < 0 or "\n" in text[match.end() : closing]:
        return None
    inside = text[match.end() : closing].split()
    if not inside or len(inside) > MAX_QUOTED_WORDS:
        return None
    return closing + 1


def _closing_quote(text: str, offset: int) -> int | None:
    """For a head word that opens a quotation («غزوة أبو عمر سراقب»), where the quotation
    ends (before the closing quote)."""
    if offset == 0 or text[offset - 1] not in _CLOSING:
        return None
    closing = text.find(_CLOSING[text[offset - 1]], offset, offset + 120)
    if closing < 0 or len(text[offset:closing].split()) > MAX_QUOTED_WORDS:
        return None
    if re.search(r"[.!?؟،,\n]", text[offset:closing]):
        return None
    return closing


def head_candidates(text: str, tokens: list[Token], known_first: dict[int, Candidate]):
    """Head noun + name: جيش الفتح، محافظة درعا، معركة «فك الحصار …»، بلدة كفرنبل."""
    count = len(tokens)
    for i, token in enumerate(tokens):
        reading = next(((p, s) for p, s in token.stems if s in HEAD_INFO), None)
        if reading is None:
            continue
        prefix, head = reading
        kind, kept = HEAD_INFO[head]
        start = _stem_start(token, prefix)
        quoted = _quoted_end(text, token.end)
        if quoted is not None:
            if kept:
                yield Candidate(start, quoted, kind)
            continue
        closing = _closing_quote(text, token.start)
        if closing is not None:
            if kept:
                yield Candidate(start, closing, kind)
            continue
        j = i + 1
        taken: list[Token] = []
        while j < count and len(taken) < MAX_COMPLEMENT and joined(text, tokens[j - 1], tokens[j]):
            following = tokens[j]
            hit = known_first.get(j)
            if hit is not None and hit.type in ("LOC", "ORG", "PER") and not taken:
                if not kept or (kind == "EVENT" and hit.type != "LOC"):
                    break
                taken.append(tokens[j])
                j = token_index(tokens, hit.end - 1) + 1
                taken.append(tokens[j - 1])
                break
            if not _is_name_word(following, titles_allowed=kind != "ORG"):
                break
            definite = following.norm.startswith(("ال", "وال")) or following.norm == "الله"
            if following.norm.startswith("وال") and not taken:
                break
            if kind in ("ORG", "EVENT") and not definite and not (taken and kind == "EVENT"):
                break
            taken.append(following)
            j += 1
        if not taken:
            continue
        needs_name = head in EVENT_HEADS_NEED_NAME or head in PLACE_HEADS_NEED_NAME
        if needs_name and known_first.get(i + 1) is None:
            continue
        if kept:
            yield Candidate(start, taken[-1].end, kind)
        elif known_first.get(i + 1) is None:
            yield Candidate(taken[0].start, taken[-1].end, kind)


def institution_candidates(text: str, tokens: list[Token], gazetteer: Gazetteer):
    """A definite institution with a nisba: الجيش السوري، الحكومة اللبنانية، الحرب السورية."""
    for i in range(len(tokens) - 1):
        token, following = tokens[i], tokens[i + 1]
        for prefix, stem in token.stems:
            kind = "ORG" if stem in INSTITUTIONS else "EVENT" if stem in WAR_HEADS else None
            if kind is None:
                continue
            hit = gazetteer.index.get((following.norm,))
            if hit and hit[1] == "demonym" and joined(text, token, following):
                yield Candidate(_stem_start(token, prefix), following.end, kind)
            break


def _name_after(text: str, tokens: list[Token], j: int, blocked: set[int],
                units: int = 1, after: Token | None = None) -> list[Token]:
    """The words of a personal name from token j on (right after the word `after`, when
    the name already began there). A name never spans punctuation. A connector (بن، عبد،
    آل) and the word after it make one unit; past the second unit only a family name
    (ال… but not a plural: أيمن الحرزي الهدفين), a first name, a connector or a word attested
    as a name goes on, so the verb or noun after a name stays out (باتيلي مشاوراته), and so
    does a plural in ات that is no attested name (يوسف اتصالات, but ياسر عرفات)."""
    taken: list[Token] = []
    linked = False
    while j < len(tokens) and (units <= MAX_NAME or linked):
        token = tokens[j]
        previous = taken[-1] if taken else after
        if previous is not None and not joined(text, previous, token):
            break
        if j in blocked or not (_is_person_word(token) or token.norm in NAME_LINKS):
            break
        if previous is not None and _conjoined_stem(token) is not None:
            break  # و inside a name starts the next one: علي ونجله، بري وجنبلاط
        if token.norm.endswith(OBJECT_SUFFIXES):
            break
        attested = token.norm in GIVEN_NAMES or token.norm in attested_name_words()
        if previous is not None and token.norm.endswith("ات") and not attested:
            break
        family = token.norm.startswith("ال") and not token.norm.endswith(PLURAL_ENDINGS)
        if units >= 3 and not linked and not (family or attested or token.norm in NAME_LINKS):
            break
        taken.append(token)
        if not linked:
            units += 1
        linked = token.norm in NAME_LINKS
        j += 1
    while taken and taken[-1].norm in NAME_LINKS:
        taken.pop()
    return taken


def _first_name(text: str, tokens: list[Token], i: int, blocked: set[int]
                ) -> tuple[int, int] | None:
    """A known first name at token i: (where it starts, its last token), or None. Two-word
    first names count: عبد + a definite word (عبد الله، عبد الرحيم), X الدين (شمس الدين)."""
    token = tokens[i]
    following = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    if ((following == DIN or (following and token.norm.endswith("عبد")))
            and i + 1 not in blocked and joined(text, token, tokens[i + 1])):
        for prefix, stem in token.stems:
            if (stem == "عبد" and following.startswith("ال") and len(following) > 3) or (
                stem in DIN_FIRST_HALVES and following == DIN
            ):
                return _stem_start(token, prefix), i + 1
    if token.text.endswith(("ى", "ئ")):
        return None  # على folds to علي, هادئ to هادي: not names
    given = next((p for p, s in token.stems if s in GIVEN_NAMES), None)
    return None if given is None else (_stem_start(token, given), i)


def person_candidates(text: str, tokens: list[Token], found: list[Candidate]):
    """People introduced by a first name (آفي ديختر), by a title (رئيس لجنة … X Y), or
    joined by و to a person just named (بشار الأسد وسامر الخطيب)."""
    blocked: set[int] = set()
    people: set[int] = set()
    ends: list[int] = []
    starts = [token.start for token in tokens]  # bisect on a plain list: 500,000 tokens
    for candidate in found:
        first = bisect.bisect_right(starts, candidate.start) - 1
        last = bisect.bisect_right(starts, candidate.end - 1) - 1
        if candidate.type == "PER":
            ends.append(last)
        if first == last and (
            candidate.type == "PER" or (candidate.type == "LOC" and tokens[first].norm in GIVEN_NAMES)
        ):
            continue  # a bare family name, or تركي (nisba and first name): a name may span it
        blocked.update(range(first, last + 1))
        if candidate.type == "PER":
            people.update(range(first, last + 1))
    mine = []
    named_until = -1  # a first name inside a name just taken starts no other name
    for i, token in enumerate(tokens):
        if i <= named_until:
            continue
        first_name = None if i in blocked else _first_name(text, tokens, i, blocked)
        if first_name is not None:
            start, last = first_name
            name = _name_after(text, tokens, last + 1, blocked, units=2, after=tokens[last])
            if name:
                mine.append(Candidate(start, name[-1].end, "PER"))
                named_until = bisect.bisect_right(starts, name[-1].end - 1) - 1
            continue
        stems = {stem for _, stem in token.stems}
        if stems & TITLES:
            mine.extend(_titled_person(text, tokens, i, blocked, people))
    ends.extend(bisect.bisect_right(starts, c.end - 1) - 1 for c in mine)
    yield from mine
    yield from _conjoined_people(text, tokens, starts, ends, blocked)


def _titled_person(text: str, tokens: list[Token], i: int, blocked: set[int],
                   people: set[int]):
    """The name a title at token i introduces, past the words that complete the title
    (رئيس لجنة الخارجية والأمن، المدير التنفيذي للمجموعة). It stops at a person already
    found and at a word joined by و: that starts another person or another clause."""
    j = i + 1
    while j < len(tokens) and j - i <= MAX_TITLE_REACH and joined(text, tokens[j - 1], tokens[j]):
        word = tokens[j]
        if j in people:
            return
        if (j in blocked or word.norm.startswith("ال") or word.norm in ("باسم", "لدى")
                or (_is_name_word(word) and not _is_person_word(word))):
            j += 1
            continue
        if word.norm in STOPWORDS or word.norm in TITLES or _conjoined_stem(word) is not None:
            return
        name = _name_after(text, tokens, j, blocked)
        starts_known = {s for _, s in word.stems} & GIVEN_NAMES
        if name and (starts_known or len(name) >= 2):
            yield Candidate(name[0].start, name[-1].end, "PER")
        return


def _conjoined_people(text: str, tokens: list[Token], starts: list[int], ends: list[int],
                      blocked: set[int]):
    """A name glued to و right after a person's name, or after «، و» in a list of people:
    «بشار الأسد وسامر الخطيب»، «رنا عيسى، وطارق صعب». The و stays out of the span; the new
    name needs two words, so a lone noun after و (وأضاف، ووفده) is not taken, nor a
    plural, a noun with a pronoun or an institution (وقادة الجيش، ومسؤولين، ونجله)."""
    pending = list(set(ends))
    seen = set(pending)
    while pending:
        last = pending.pop()
        n = last + 1
        if n >= len(tokens) or n in blocked:
            continue
        gap = text[tokens[last].end : tokens[n].start]
        if gap.strip(" \u00a0") not in ("", "،", ","):
            continue
        word = tokens[n]
        start = _conjoined_stem(word)
        if start is None or not _is_person_word(word):
            continue
        stem = next(s for p, s in word.stems if p == 1)
        if (_common_stem(stem) or stem.startswith("ال") or stem.endswith(PLURAL_ENDINGS)
                or word.text.endswith("ه")):  # a noun with a pronoun: ونجله، وشقيقه
            continue
        name = _name_after(text, tokens, n + 1, blocked, units=2, after=word)
        if not name or any(t.norm in INSTITUTIONS for t in name):
            continue
        yield Candidate(start, name[-1].end, "PER")
        end = bisect.bisect_right(starts, name[-1].end - 1) - 1
        if end not in seen:
            seen.add(end)
            pending.append(end)
