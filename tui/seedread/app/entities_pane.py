"""Entities grouped by type with counts; each entity opens to its mentions, each with a
shaped context snippet. Enter jumps to the mention (or the entity's first one)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import on
from textual.widgets import Tree

from seedread.analysis.model import ENTITY_TYPES, Entity, Mention
from seedread.app.messages import JumpRequested
from seedread.app.navigation import Target
from seedread.app.shaped import shaped, shaped_with
from seedread.text.layout import LayoutOptions

SNIPPET_CONTEXT = 24
TYPE_NAMES = {"PER": "People", "LOC": "Places", "ORG": "Organisations", "EVENT": "Events", "MISC": "Other"}


class EntitiesPane(Tree):
    COMPONENT_CLASSES = {"entities--mention"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Entities", id=id)
        self.show_root = False
        self.auto_expand = False
        self.border_title = "Entities"
        self._text = ""
        self._options = LayoutOptions()
        self._entity_nodes: dict[str, object] = {}

    def show(self, entities: list[Entity], text: str, options: LayoutOptions) -> None:
        """Fill the tree from an analysis of `text`, laid out with `options`."""
        self._text, self._options = text, options
        self.clear()
        self._entity_nodes = {}
        by_type: dict[str, list[Entity]] = {}
        for entity in entities:
            by_type.setdefault(entity.type, []).append(entity)
        order = [*ENTITY_TYPES, *sorted(set(by_type) - set(ENTITY_TYPES))]
        for kind in order:
            members = sorted(by_type.get(kind, []), key=lambda e: (-len(e.mentions), e.name))
            if not members:
                continue
            mentions = sum(len(entity.mentions) for entity in members)
            label = Text(f"{TYPE_NAMES.get(kind, kind)} ({len(members)} · {mentions})", style="bold")
            group = self.root.add(label, data=None, expand=True)
            for entity in members:
                node = group.add(self._entity_label(entity), data=entity)
                self._entity_nodes[entity.id] = node
                for mention in sorted(entity.mentions, key=lambda m: m.start):
                    node.add_leaf(self._snippet(mention), data=(entity, mention))
        self.border_subtitle = f"{len(entities)}"

    def _entity_label(self, entity: Entity) -> Text:
        label = shaped(entity.name, self._options, 28)
        label.append(f" {entity.type} ×{len(entity.mentions)}", style="dim")
        if entity.english:
            label.append(f" {entity.english}", style="italic")
        return label

    def _snippet(self, mention: Mention) -> Text:
        """The mention with some words around it, on one line, the mention in bold."""
        start = max(0, mention.start - SNIPPET_CONTEXT)
        end = min(len(self._text), mention.end + SNIPPET_CONTEXT)
        snippet = self._text[start:end].replace("\n", " ")
        mark = self.get_component_rich_style("entities--mention", partial=True) or Style(bold=True)
        return shaped_with(snippet, self._options, [(mention.start - start, mention.end - start, mark)])

    def select_entity(self, entity_id: str) -> bool:
        """Move the cursor to an entity (from the article's Enter); False if not listed."""
        node = self._entity_nodes.get(entity_id)
        if node is None:
            return False
        node.parent.expand()
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)
        return True

    @on(Tree.NodeSelected)
    def _jump(self, event: Tree.NodeSelected) -> None:
        event.stop()
        data = event.node.data
        if isinstance(data, Entity) and data.mentions:
            first = min(data.mentions, key=lambda m: m.start)
            event.node.expand()
            self.post_message(JumpRequested(Target(first.start, first.end, data.id)))
        elif isinstance(data, tuple):
            entity, mention = data
            self.post_message(JumpRequested(Target(mention.start, mention.end, entity.id)))
        else:
            event.node.toggle()
