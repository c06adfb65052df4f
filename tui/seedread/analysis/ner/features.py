"""Features of each token for the CRF: the word and its stem, affixes, shape, word clusters,
how often the stem takes the article, place-name and trigger-word membership, and what
outside name lists say of the word (person-name roles, Wikipedia titles, pyarabic's
proper nouns), in a window of two tokens each side. The outside lists carry most of what
the model knows about names its training news never used.

Word-level features are computed once per distinct word and cached; that keeps tagging
above the speed target because news repeats its words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from seedread.analysis.ner.gazetteer import place_names
from seedread.analysis.name_lists import person_names, pyarabic_proper_nouns, wiki_words
from seedread.analysis.ner.normalize import light_forms, normalize, segment

_TRIGGERS = {
    "PERS": "قال رئيس وزير سيد شيخ ملك امير دكتور نائب زعيم متحدث جنرال لاعب مدرب فنان "
    "كاتب عاهل مستشار سفير قائد اكد اعلن صرح اضاف اوضح الرئيس الوزير السيد الشيخ",
    "ORG": "شركه وكاله حزب منظمه جامعه مجلس اتحاد بنك مصرف جمعيه هيئه حركه جبهه صحيفه "
    "مؤسسه لجنه نادي فريق منتخب محكمه وزاره قناه اذاعه تلفزيون معهد مركز جيش",
    "LOC": "مدينه دوله عاصمه بلده قريه منطقه محافظه ولايه جزيره نهر جبل بحر اقليم مقاطعه "
    "شمال جنوب شرق غرب وسط مطار ميناء حدود عاصمتها",
}
TRIGGERS = {
    normalize(word): kind for kind, words in _TRIGGERS.items() for word in words.split()
}
MAX_PLACE_WORDS = 4
_CACHE_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class WordFeatures:
    word: str  # normalised
    stem: str
    at: dict[int, list[str]]


@dataclass
class Resources:
    """Data computed from text (not labels): stem -> cluster ids at three granularities,
    stem -> how often it carries the article, and stem -> how common it is (bucketed)."""

    clusters: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    definiteness: dict[str, str] = field(default_factory=dict)
    frequency: dict[str, str] = field(default_factory=dict)
    places: frozenset[tuple[str, ...]] = field(default_factory=place_names)
    names: dict[str, str] = field(default_factory=person_names)
    wiki: dict[str, str] = field(default_factory=wiki_words)
    proper: dict[str, str] = field(default_factory=pyarabic_proper_nouns)
    known: frozenset[str] | None = None  # features the models use; others are dropped early

    def __post_init__(self) -> None:
        self._single_places = frozenset(p[0] for p in self.places if len(p) == 1)
        self._place_heads = frozenset(p[0] for p in self.places if len(p) > 1)
        self._cache: dict[str, WordFeatures] = {}

    def word_features(self, token: str) -> WordFeatures:
        """Features of one token, computed once per distinct token. Features no model
        knows are dropped here: CRFsuite would ignore them, but only after converting and
        looking up each one, which is most of the tagging time."""
        cached = self._cache.get(token)
        if cached is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            word = normalize(token)
            clitics, stem = segment(word)
            at = self._compute(token, word, clitics, stem)
            if self.known is not None:
                at = {offset: [f for f in fs if f in self.known] for offset, fs in at.items()}
            cached = self._cache[token] = WordFeatures(word, stem, at)
        return cached

    def stem(self, token: str) -> str:
        """The token's normalised stem (as used by the `s=` feature)."""
        return self.word_features(token).stem

    def _compute(self, token: str, word: str, clitics: str, stem: str) -> dict[int, list[str]]:
        """Features keyed by the offset at which they are used (0 for the token itself,
        ±1 and ±2 for its neighbours), already prefixed."""
        coarse, middle, fine = self.clusters.get(stem, ("?", "?", "?"))
        trigger = TRIGGERS.get(stem) or TRIGGERS.get(word) or "-"
        forms = light_forms(word)
        name = _listed(self.names, forms)
        # Word lists say nothing of most words: an absent value is left out rather than
        # written as a feature of its own, a third fewer strings for CRFsuite to look up.
        triggered = [f"tr={trigger}"] if trigger != "-" else []
        listed = [f"{key}={value}" for key, value in (
            ("nr", name.rstrip("0123")),
            ("wk", _listed(self.wiki, forms)),
            ("pa", _listed(self.proper, forms)),
        ) if value != "-"]
        if not self._single_places.isdisjoint(forms):
            listed.append("gz=1")
        near = [f"w={word}", f"s={stem}", f"p={clitics}", f"cm={middle}", f"cf={fine}",
                f"sh={_shape(token)}", *triggered, *listed]
        far = [f"s={stem}", f"cc={coarse}", *triggered]
        own = [
            *near,
            f"t={token}",
            f"cc={coarse}",
            f"df={self.definiteness.get(stem, '?')}",
            f"fq={self.frequency.get(stem, '?')}",
            *([f"nm={name}"] if name != "-" else []),
            f"len={min(len(stem), 8)}",
            *(f"wp{n}={word[:n]}" for n in (1, 2, 3) if len(word) > n),
            *dict.fromkeys(f"g3={gram}" for gram in _trigrams(stem)),
            *(f"pre{n}={stem[:n]}" for n in (1, 2, 3) if len(stem) > n),
            *(f"suf{n}={stem[-n:]}" for n in (1, 2, 3, 4) if len(stem) > n),
        ]
        return {
            0: own,
            -1: [f"-1:{f}" for f in near],
            1: [f"+1:{f}" for f in near],
            -2: [f"-2:{f}" for f in far],
            2: [f"+2:{f}" for f in far],
        }

    def place_marks(self, words: list[str]) -> list[str]:
        """B/I/O marks of multi-word CLDR place names found in the sentence."""
        marks = ["O"] * len(words)
        i = 0
        while i < len(words):
            head = [form for form in light_forms(words[i]) if form in self._place_heads]
            for size in range(min(MAX_PLACE_WORDS, len(words) - i), 1, -1) if head else ():
                rest = tuple(words[i + 1 : i + size])
                if any((form, *rest) in self.places for form in head):
                    marks[i] = "B"
                    marks[i + 1 : i + size] = ["I"] * (size - 1)
                    i += size - 1
                    break
            i += 1
        return marks

    def sentence_features(self, tokens: list[str]) -> list[list[str]]:
        """One feature list per token of a sentence."""
        computed = [self.word_features(token) for token in tokens]
        per_word = [features.at for features in computed]
        words = [features.word for features in computed]
        places = self.place_marks(words)
        last = len(tokens) - 1
        rows = []
        for i, features in enumerate(per_word):
            row = ["bias", *features[0]]
            if places[i] != "O":
                row.append(f"gzm={places[i]}")
            if i > 0:
                row += per_word[i - 1][-1]
                row.append(f"bi-={words[i - 1]}|{words[i]}")
            else:
                row.append("BOS")
            if i > 1:
                row += per_word[i - 2][-2]
            if i < last:
                row += per_word[i + 1][1]
                row.append(f"bi+={words[i]}|{words[i + 1]}")
                if places[i + 1] != "O":
                    row.append(f"gzm+1={places[i + 1]}")
            else:
                row.append("EOS")
            if i < last - 1:
                row += per_word[i + 2][2]
            rows.append(row)
        return rows


def _listed(table: dict[str, str], forms: tuple[str, ...]) -> str:
    """What a word list says of the first of a word's light forms it holds, or "-"."""
    return next((table[form] for form in forms if form in table), "-")


def _trigrams(stem: str):
    """Letter trigrams of the stem: transliterated foreign names have telltale spellings."""
    padded = f"<{stem}>"
    return (padded[i : i + 3] for i in range(len(padded) - 2))


def _shape(token: str) -> str:
    if token.isdigit():
        return "num"
    if any(ch.isdigit() for ch in token):
        return "dig"
    if token.isascii() and token.isalpha():
        return "lat"
    if not any(ch.isalnum() for ch in token):
        return "pun"
    return "ar"


def load_resources(path, known: frozenset[str] | None = None) -> Resources:
    """Read the tab-separated file written by `dump_resources`; `known`, when given, are
    the only features worth passing to the models."""
    clusters: dict[str, tuple[str, str, str]] = {}
    definiteness: dict[str, str] = {}
    frequency: dict[str, str] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            stem, coarse, middle, fine, definite, common = line.rstrip("\n").split("\t")
            clusters[stem] = (coarse, middle, fine)
            definiteness[stem] = definite
            frequency[stem] = common
    return Resources(clusters, definiteness, frequency, known=known)


def dump_resources(resources: Resources, path) -> None:
    """Write stem, three cluster ids, definiteness and frequency buckets, one stem a line."""
    with open(path, "w", encoding="utf-8") as handle:
        for stem in sorted(resources.clusters):
            ids = "\t".join(resources.clusters[stem])
            definite = resources.definiteness.get(stem, "?")
            handle.write(f"{stem}\t{ids}\t{definite}\t{resources.frequency.get(stem, '?')}\n")
