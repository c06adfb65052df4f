"""Command palette providers: jump to an entity, a date or a glossary term of the open
article by typing it in Arabic (any spelling variant) or in its romanisation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from seedread.analysis.normalize import normalize_word
from seedread.app.navigation import Target
from seedread.app.reader_screen import ReaderScreen
from seedread.app.shaped import shaped

ARABIC_MATCH = 1.0

Item = tuple[str, str, Text, str, Target]  # (arabic, latin, display, help, target)


def _normal(text: str) -> str:
    return " ".join(normalize_word(word) for word in text.split())


class ArticleProvider(Provider):
    """Shared search over (Arabic, Latin) names of things in the open article."""

    def _reader(self):
        screen = self.screen
        return screen if isinstance(screen, ReaderScreen) and screen.analysis is not None else None

    def items(self) -> Iterator[Item]:
        raise NotImplementedError

    def _jump(self, target: Target) -> Callable[[], None]:
        reader = self._reader()
        return partial(reader.jump, target)

    async def discover(self) -> Hits:
        if self._reader() is None:
            return
        for _, _, display, help_text, target in self.items():
            yield DiscoveryHit(display, self._jump(target), help=help_text)

    async def search(self, query: str) -> Hits:
        if self._reader() is None:
            return
        matcher = self.matcher(query)
        wanted = _normal(query)
        for arabic, latin, display, help_text, target in self.items():
            score = ARABIC_MATCH if wanted and wanted in _normal(arabic) else matcher.match(latin)
            if score > 0:
                yield Hit(score, display, self._jump(target), help=help_text)


class EntityCommands(ArticleProvider):
    def items(self) -> Iterator[Item]:
        reader = self._reader()
        for entity in reader.analysis.entities:
            if not entity.mentions:
                continue
            first = min(entity.mentions, key=lambda m: m.start)
            display = shaped(entity.name, reader.options, 40)
            display.append(f"  {entity.type}", style="dim")
            if entity.english:
                display.append(f"  {entity.english}")
            yield (entity.name, f"{entity.english or ''} {entity.type}", display,
                   f"entity, {len(entity.mentions)} mentions", Target(first.start, first.end, entity.id))


class DateCommands(ArticleProvider):
    def items(self) -> Iterator[Item]:
        reader = self._reader()
        for entry in reader.analysis.timeline:
            display = Text(f"{entry.value}  ")
            display.append_text(shaped(entry.text, reader.options, 40))
            yield (entry.text, entry.value, display, f"date, year {entry.year_certainty}",
                   Target(entry.start, entry.end))


class GlossaryCommands(ArticleProvider):
    def items(self) -> Iterator[Item]:
        reader = self._reader()
        for entry in reader.analysis.glossary:
            if not entry.mentions:
                continue
            first = min(entry.mentions, key=lambda span: span.start)
            display = shaped(entry.term, reader.options, 30)
            display.append(f"  {entry.romanization}", style="italic")
            yield (entry.term, f"{entry.romanization} {entry.gloss or ''}", display,
                   f"glossary: {entry.gloss or ''}", Target(first.start, first.end))
