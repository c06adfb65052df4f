"""The review store's operations as the reader's keys use them, and what survives a
restart, a rename and an edit of the article."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from test_review_support import analysis_of, write_article

from seedread.review import ReviewConflict, ReviewError, ReviewStore, unlinked_occurrences


@pytest.fixture
def article(tmp_path):
    return write_article(tmp_path)


def open_review(folder, document, reviewer="ana"):
    store = ReviewStore.open(folder, reviewer=reviewer)
    return store, store.document(document)


def statuses(view):
    return [(m.text, m.status) for m in view.mentions]


def test_accept_and_reject_one_mention_or_a_whole_entity(tmp_path, article):
    analysis = analysis_of(article)
    store, review = open_review(tmp_path, article)
    view = review.reviewed(analysis)
    assert str(view.progress) == "0/5 reviewed"
    review.accept(view.entity("e1").mentions[0])
    review.reject(view.entity("e2").mentions)
    view = review.reviewed(analysis)
    assert str(view.progress) == "3/5 reviewed"
    assert [m.status for m in view.entity("e2").mentions] == ["rejected", "rejected"]
    assert view.entity("e1").mentions[0].status == "accepted"
    assert view.entity("e3").mentions[0].status == "unreviewed"
    store.close()


def test_each_decision_records_reviewer_time_before_and_after(tmp_path, article):
    store, review = open_review(tmp_path, article, reviewer="ana")
    mention = review.reviewed(analysis_of(article)).entity("e3").mentions[0]
    review.retype(mention, "PER")
    (decision,) = review.log()
    assert decision.reviewer == "ana" and decision.action == "retype"
    assert datetime.fromisoformat(decision.at).tzinfo is not None
    assert decision.before[0].label == "ORG" and decision.after[0].label == "PER"
    assert decision.after[0].text == "حزب الله"
    store.close()


def test_retype_changes_the_label_and_the_entity_type(tmp_path, article):
    analysis = analysis_of(article)
    store, review = open_review(tmp_path, article)
    review.retype(review.reviewed(analysis).entity("e4").mentions, "MISC")
    view = review.reviewed(analysis)
    assert view.entity("e4").type == "MISC"
    assert view.entity("e4").mentions[0].label == "MISC"
    with pytest.raises(ReviewError, match="unknown type"):
        review.retype(view.entity("e4").mentions, "THING")
    store.close()


def test_resize_grows_and_shrinks_by_a_word(tmp_path, article):
    analysis = analysis_of(article)
    store, review = open_review(tmp_path, article)
    mention = review.reviewed(analysis).entity("e1").mentions[0]
    review.resize(mention, "start", +1)
    grown = review.reviewed(analysis).mention(mention.key)
    assert grown.text == "الرئيس بشار الأسد"
    review.resize(grown, "end", -1)
    assert review.reviewed(analysis).mention(mention.key).text == "الرئيس بشار"
    store.close()


def test_delete_removes_the_mention_from_view_and_count(tmp_path, article):
    analysis = analysis_of(article)
    store, review = open_review(tmp_path, article)
    review.delete(review.reviewed(analysis).entity("e3").mentions)
    view = review.reviewed(analysis)
    assert view.entity("e3") is None
    assert view.progress.total == 4
    store.close()


def test_add_a_missed_entity_and_link_its_other_mentions(tmp_path):
    document = write_article(tmp_path, text="وصل إلى دمشق مساء أمس. دمشق هادئة، ودمشقي مسرور.\n")
    analysis = analysis_of(document, {})
    store, review = open_review(tmp_path, document)
    start = document.text.index("دمشق")
    others = unlinked_occurrences(document.text, start, start + 4, [])
    assert [document.text[a:b] for a, b in others] == ["دمشق"]  # not the one inside دمشقي
    review.add(start, start + 4, "LOC", others=others)
    view = review.reviewed(analysis)
    (entity,) = view.entities
    assert entity.user_added and entity.type == "LOC" and entity.name == "دمشق"
    assert [(m.start, m.status, m.source) for m in entity.mentions] == [
        (start, "accepted", "user"), (others[0][0], "accepted", "user")]
    with pytest.raises(ReviewError):
        review.add(start - 1, start + 4, "LOC")  # a span starting with a space
    store.close()


def test_undo_and_redo_many_steps_survive_a_restart(tmp_path, article):
    analysis = analysis_of(article)
    store, review = open_review(tmp_path, article)
    for mention in review.reviewed(analysis).mentions:
        review.accept(mention)
    assert review.undo() and review.undo() and review.undo()
    assert review.reviewed(analysis).progress.reviewed == 2
    store.close()

    store, review = open_review(tmp_path, article)
    assert review.reviewed(analysis).progress.reviewed == 2
    redone = review.redo()
    assert redone.action == "redo"
    assert review.reviewed(analysis).progress.reviewed == 3
    assert review.undo() and review.undo()
    assert review.reviewed(analysis).progress.reviewed == 1
    review.reject(review.reviewed(analysis).entity("e4").mentions)  # a new change ...
    assert review.redo() is None  # ... ends the redo history
    while review.undo():
        pass
    assert review.reviewed(analysis).progress.reviewed == 0
    assert [d.action for d in review.log()].count("undo") == 7
    store.close()


def test_undo_takes_back_only_the_reviewers_own_decisions(tmp_path, article):
    analysis = analysis_of(article)
    ana_store, ana = open_review(tmp_path, article, "ana")
    bob_store, bob = open_review(tmp_path, article, "bob")
    ana.accept(ana.reviewed(analysis).entity("e1").mentions)
    bob.reject(bob.reviewed(analysis).entity("e3").mentions)
    assert ana.undo().ref == ana.log()[0].id
    view = bob.reviewed(analysis)
    assert view.entity("e1").mentions[0].status == "unreviewed"
    assert view.entity("e3").mentions[0].status == "rejected"
    assert ana.undo() is None
    ana_store.close(), bob_store.close()


def test_decisions_of_two_reviewers_on_one_mention_combine(tmp_path, article):
    analysis = analysis_of(article)
    ana_store, ana = open_review(tmp_path, article, "ana")
    bob_store, bob = open_review(tmp_path, article, "bob")
    seen_by_bob = bob.reviewed(analysis).entity("e3").mentions[0]
    ana.accept(ana.reviewed(analysis).entity("e3").mentions[0])
    bob.retype(seen_by_bob, "MISC")  # bob's view was from before ana's accept
    mention = ana.reviewed(analysis).entity("e3").mentions[0]
    assert (mention.status, mention.label, mention.reviewer) == ("accepted", "MISC", "bob")
    assert ana.reviewed(analysis, reviewer="ana").entity("e3").mentions[0].label == "ORG"
    ana_store.close(), bob_store.close()


def test_a_reader_with_an_out_of_date_view_records_nothing_and_sees_the_other_decision(
        tmp_path, article):
    """Two readers on one article: ana's screen was drawn before sam rejected the mention.
    Her accept is refused (the "before" it would store, unreviewed, is no longer true); once
    she sees sam's rejection, her accept records that as its "before"."""
    analysis = analysis_of(article)
    ana_store, ana = open_review(tmp_path, article, reviewer="ana")
    sam_store, sam = open_review(tmp_path, article, reviewer="sam")
    ana_view = ana.reviewed(analysis)
    ana.shown = ana_view.newest
    sam.reject(sam.reviewed(analysis).entity("e1").mentions[0])
    with pytest.raises(ReviewConflict):
        ana.accept(ana_view.entity("e1").mentions[0])
    assert [(d.reviewer, d.action) for d in ana.log()] == [("sam", "reject")]
    ana_view = ana.reviewed(analysis)
    assert ana_view.entity("e1").mentions[0].status == "rejected"
    ana.shown = ana_view.newest
    ana.accept(ana_view.entity("e1").mentions[0])
    assert ana.log()[-1].before[0].status == "rejected"
    assert ana.shown == ana.log()[-1].id  # her next key needs no new view
    ana.undo()
    assert ana.reviewed(analysis).entity("e1").mentions[0].status == "rejected"
    ana_store.close()
    sam_store.close()


def test_a_renamed_file_keeps_its_review(tmp_path, article):
    analysis = analysis_of(article)
    store, review = open_review(tmp_path, article)
    review.accept(review.reviewed(analysis).entity("e2").mentions)
    store.close()
    moved = write_article(tmp_path, "renamed/article-2.txt")
    article.path.unlink()
    store, review = open_review(tmp_path, moved)
    assert review.renamed_from == "article.txt" and review.path == "renamed/article-2.txt"
    assert not review.changed
    view = review.reviewed(analysis_of(moved))
    assert [m.status for m in view.entity("e2").mentions] == ["accepted", "accepted"]
    store.close()


def test_a_copy_of_a_reviewed_file_starts_its_own_review(tmp_path, article):
    analysis = analysis_of(article)
    store, review = open_review(tmp_path, article)
    review.accept(review.reviewed(analysis).mentions)
    copy = write_article(tmp_path, "copy.txt")
    assert store.document(copy).reviewed(analysis_of(copy)).progress.reviewed == 0
    store.close()


def test_an_edit_at_the_top_moves_every_decision_with_its_text(tmp_path, article):
    """A word added before everything shifts every offset; each decision is found again by
    its quote and context (TextQuoteSelector), none goes stale, none is dropped."""
    analysis = analysis_of(article)
    store, review = open_review(tmp_path, article)
    view = review.reviewed(analysis)
    review.accept(view.entity("e1").mentions)  # first line: will shift
    review.reject(view.entity("e4").mentions)  # second line: will shift too
    store.close()

    edited = write_article(tmp_path, text="عاجل: " + article.text)
    store, review = open_review(tmp_path, edited)
    assert review.changed
    view = review.reviewed(analysis_of(edited))
    assert view.changed and view.stale == []
    assert [m.status for m in view.entity("e1").mentions] == ["accepted"]
    assert [m.status for m in view.entity("e4").mentions] == ["rejected"]
    assert view.entity("e1").mentions[0].start == article.text.index("بشار") + len("عاجل: ")
    assert str(view.progress) == "2/5 reviewed"
    assert len(review.log()) == 2  # nothing dropped
    store.close()


def test_only_a_decision_whose_quote_is_gone_goes_stale(tmp_path, article):
    store, review = open_review(tmp_path, article)
    view = review.reviewed(analysis_of(article))
    review.accept(view.entity("e1").mentions)
    review.reject(view.entity("e4").mentions)
    store.close()
    text = "عاجل: " + article.text.replace("الجيش السوري", "الجيش")
    edited = write_article(tmp_path, text=text)
    store, review = open_review(tmp_path, edited)
    view = review.reviewed(analysis_of(edited))
    assert [d.after[0].text for d in view.stale] == ["الجيش السوري"]
    assert view.entity("e1").mentions[0].status == "accepted"
    assert len(review.log()) == 2
    store.close()


def test_a_decision_whose_text_still_matches_survives_an_edit(tmp_path, article):
    store, review = open_review(tmp_path, article)
    review.accept(review.reviewed(analysis_of(article)).entity("e1").mentions)
    store.close()
    edited = write_article(tmp_path, text=article.text + "انتهى.\n")
    store, review = open_review(tmp_path, edited)
    view = review.reviewed(analysis_of(edited))
    assert review.changed and not view.stale
    assert view.entity("e1").mentions[0].status == "accepted"
    store.close()


def test_a_mention_at_a_reused_offset_with_other_text_is_stale(tmp_path, article):
    store, review = open_review(tmp_path, article)
    mention = review.reviewed(analysis_of(article)).entity("e1").mentions[0]
    review.accept(mention)
    store.close()
    text = article.text.replace("بشار الأسد", "ماهر الأسد")
    edited = write_article(tmp_path, text=text)
    entities = {"e1": ("PER", "ماهر الأسد")}
    store, review = open_review(tmp_path, edited)
    view = review.reviewed(analysis_of(edited, entities))
    assert view.mention(mention.key).status == "stale"
    assert view.next_unreviewed().key == mention.key
    store.close()


def test_next_unreviewed_moves_forward_and_wraps(tmp_path, article):
    analysis = analysis_of(article)
    store, review = open_review(tmp_path, article)
    first, second, *_ = review.reviewed(analysis).mentions
    review.accept(second)
    view = review.reviewed(analysis)
    assert view.next_unreviewed(first.start).start > second.start
    last = view.mentions[-1]
    assert view.next_unreviewed(last.start) == view.mentions[0]
    review.accept(view.mentions)
    assert review.reviewed(analysis).next_unreviewed() is None
    store.close()


def test_a_renamed_and_edited_article_keeps_its_review(tmp_path, article):
    """Neither the path nor the hash matches any more; the decided quotes, with their
    context, still stand in the new file, so it is the same article."""
    store, review = open_review(tmp_path, article)
    view = review.reviewed(analysis_of(article))
    review.accept(view.entity("e1").mentions)
    review.reject(view.entity("e3").mentions)
    store.close()
    article.path.unlink()
    moved = write_article(tmp_path, "renamed.txt", "عاجل: " + article.text + "انتهى.\n")
    store, review = open_review(tmp_path, moved)
    assert review.renamed_from == "article.txt" and review.changed
    view = review.reviewed(analysis_of(moved))
    assert view.entity("e1").mentions[0].status == "accepted"
    assert view.entity("e3").mentions[0].status == "rejected"
    assert view.stale == []
    store.close()


def test_another_article_sharing_a_name_does_not_take_a_missing_files_review(tmp_path, article):
    store, review = open_review(tmp_path, article)
    review.accept(review.reviewed(analysis_of(article)).entity("e1").mentions)
    store.close()
    article.path.unlink()
    other = write_article(tmp_path, "other.txt", "التقى بشار الأسد وفدا روسيا في دمشق أمس.\n")
    store, review = open_review(tmp_path, other)
    assert review.renamed_from is None
    assert review.log() == []
    store.close()


def test_a_database_written_before_quotes_had_context_still_reanchors(tmp_path, article):
    """Decisions recorded by the old code have no prefix/suffix: they are found again by
    their exact text nearest the old offset, and the file is not migrated."""
    store, review = open_review(tmp_path, article)
    review.accept(review.reviewed(analysis_of(article)).entity("e4").mentions)
    store.close()
    database = tmp_path / ".seedread" / "review.db"
    connection = sqlite3.connect(database)
    def without_context(raw: str) -> str:
        return json.dumps([{k: v for k, v in s.items() if k not in ("prefix", "suffix")}
                           for s in json.loads(raw)])

    for row in connection.execute("SELECT id, before, after FROM decisions").fetchall():
        connection.execute("UPDATE decisions SET before = ?, after = ? WHERE id = ?",
                           (without_context(row[1]), without_context(row[2]), row[0]))
    connection.commit()
    connection.close()
    edited = write_article(tmp_path, text="عاجل: " + article.text)
    store, review = open_review(tmp_path, edited)
    view = review.reviewed(analysis_of(edited))
    assert [m.status for m in view.entity("e4").mentions] == ["accepted"] and view.stale == []
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == 1
    store.close()


OLD_DATABASE = Path(__file__).parent / "data" / "old-review" / "review-v1.db"


def test_a_database_made_by_the_old_code_opens_and_follows_an_edit_and_rename(tmp_path):
    """The file as the previous release wrote it: opened without a migration, its three
    decisions applied (the retype of حزب الله counts as accepted, as every retype now does),
    and still applied after the article is edited and renamed."""
    folder = tmp_path / "corpus"
    article = write_article(folder)
    (folder / ".seedread").mkdir()
    shutil.copyfile(OLD_DATABASE, folder / ".seedread" / "review.db")
    with ReviewStore.open(folder) as store:
        view = store.document(article).reviewed(analysis_of(article))
        assert [(m.text, m.status, m.label) for m in view.mentions if m.reviewed or m.label == "MISC"] == [
            ("بشار الأسد", "accepted", "PER"), ("حزب الله", "accepted", "MISC"),
            ("الجيش السوري", "rejected", "ORG")]
    article.path.unlink()
    moved = write_article(folder, "2016/moved.txt", "عاجل: " + article.text)
    with ReviewStore.open(folder) as store:
        review = store.document(moved)
        view = review.reviewed(analysis_of(moved))
        assert review.renamed_from == "article.txt" and view.stale == []
        assert view.entity("e1").mentions[0].status == "accepted"
        assert view.entity("e3").type == "MISC"
        assert len(review.log()) == 3
