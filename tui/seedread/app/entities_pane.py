"""Entities grouped by type with counts; each entity opens to its mentions, each with a
shaped context snippet. Enter jumps to the mention (or the entity's first one).

After review the entities are `ReviewedEntity`s: each mention shows its status mark, each
entity how many of its mentions are decided, and `only_unreviewed` hides what is decided."""

from __future__ import annotations

from dataclasses import replace

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
STATUS_MARKS = {"accepted": "✓", "rejected": "✗", "unreviewed": "·", "stale": "!"}
TYPE_NAMES = {"PER": "People", "LOC": "Places", "ORG": "Organisations", "EVENT": "Events", "MISC": "Other"}


class EntitiesPane(Tree):
    COMPONENT_CLASSES = {"entities--mention", *(f"entities--{status}" for status in STATUS_MARKS)}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Entities", id=id)
        self.show_root = False
        self.auto_expand = False
        self.border_title = "Entities"
        self._text = ""
        self._options = LayoutOptions()
        self._entity_nodes: dict[str, object] = {}
        self.only_unreviewed = False

    def show(self, entities: list[Entity], text: str, options: LayoutOptions) -> None:
        """Fill the tree from an analysis of `text`, laid out with `options`."""
        self._text, self._options = text, options
        expanded = {key for key, node in self._entity_nodes.items() if node.is_expanded}
        cursor = _node_key(self.cursor_node.data) if self.cursor_node else None
        self.clear()
        self._entity_nodes = {}
        by_type: dict[str, list[Entity]] = {}
        for entity in entities:
            if self.only_unreviewed:
                waiting = [m for m in entity.mentions if not getattr(m, "reviewed", False)]
                if not waiting:
                    continue
                entity = replace(entity, mentions=waiting)
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
                node = group.add(self._entity_label(entity), data=entity,
                                 expand=entity.id in expanded)
                self._entity_nodes[entity.id] = node
                for mention in sorted(entity.mentions, key=lambda m: m.start):
                    leaf = node.add_leaf(self._snippet(mention), data=(entity, mention))
                    if cursor is not None and _node_key(leaf.data) == cursor:
                        self.call_after_refresh(self.move_cursor, leaf)
        shown = sum(len(members) for members in by_type.values())
        self.border_subtitle = f"{shown} unreviewed" if self.only_unreviewed else f"{shown}"

    def _entity_label(self, entity: Entity) -> Text:
        label = shaped(entity.name, self._options, 28)
        label.append(f" {entity.type} ×{len(entity.mentions)}", style="dim")
        statuses = [getattr(m, "status", None) for m in entity.mentions]
        if None not in statuses:
            done = sum(status in ("accepted", "rejected") for status in statuses)
            status = "accepted" if done == len(statuses) else "unreviewed"
            label.append(f" {done}/{len(statuses)}✓",
                         style=self.get_component_rich_style(f"entities--{status}", partial=True))
        if entity.english:
            label.append(f" {entity.english}", style="italic")
        return label

    def _snippet(self, mention: Mention) -> Text:
        """The mention with some words around it, on one line, the mention in bold."""
        start = max(0, mention.start - SNIPPET_CONTEXT)
        end = min(len(self._text), mention.end + SNIPPET_CONTEXT)
        snippet = self._text[start:end].replace("\n", " ")
        mark = self.get_component_rich_style("entities--mention", partial=True) or Style(bold=True)
        line = shaped_with(snippet, self._options, [(mention.start - start, mention.end - start, mark)])
        status = getattr(mention, "status", None)
        if status in STATUS_MARKS:
            style = self.get_component_rich_style(f"entities--{status}", partial=True)
            line = Text.assemble((f"{STATUS_MARKS[status]} ", style), line)
        return line

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
        if isinstance(data, tuple):
            entity, mention = data
            self.post_message(JumpRequested(Target(mention.start, mention.end, entity.id)))
        elif data is not None and data.mentions:  # an Entity or a ReviewedEntity
            first = min(data.mentions, key=lambda m: m.start)
            event.node.expand()
            self.post_message(JumpRequested(Target(first.start, first.end, data.id)))
        else:
            event.node.toggle()


def _node_key(data: object) -> tuple | None:
    """What a tree node shows, stable across a rebuild (for keeping the cursor there)."""
    if isinstance(data, tuple):
        return (data[0].id, data[1].start)
    return (data.id,) if data is not None else None
