"""Where the review is kept: in the folder, or in the user data directory when the folder
is read-only (and the store says so)."""

from __future__ import annotations

import os

import pytest
from test_review_support import analysis_of, write_article

from seedread.review import ReviewStore, ReviewStoreError, review_folder
from seedread.review import location as location_module


@pytest.fixture(autouse=True)
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    return tmp_path / "data-home"


def make_read_only(folder, monkeypatch):
    """chmod is enough for an ordinary user; root writes anywhere, so there the folder's
    write probe is made to fail the way a read-only mount makes it fail."""
    folder.chmod(0o555)
    if os.geteuid() == 0:
        real = location_module._can_write
        monkeypatch.setattr(location_module, "_can_write",
                            lambda d: False if d.parent == folder else real(d))


def test_the_review_is_kept_in_the_folder(tmp_path):
    with ReviewStore.open(tmp_path) as store:
        assert store.location.in_folder
        assert store.location.path == tmp_path / ".seedread" / "review.db"
        assert str(store.location.path) in store.location.reason


def test_a_read_only_folder_keeps_its_review_in_the_data_dir(tmp_path, data_home, monkeypatch):
    corpus = tmp_path / "corpus"
    document = write_article(corpus)
    make_read_only(corpus, monkeypatch)
    try:
        with ReviewStore.open(corpus) as store:
            assert not store.location.in_folder
            assert store.location.path.is_relative_to(data_home)
            assert "read-only" in store.location.reason
            review = store.document(document)
            review.accept(review.reviewed(analysis_of(document)).mentions)
        assert not (corpus / ".seedread").exists()
        with ReviewStore.open(corpus) as store:  # found again next time
            assert store.document(document).reviewed(analysis_of(document)).progress.reviewed == 5
    finally:
        corpus.chmod(0o755)


def test_a_review_in_a_parent_folder_is_never_taken_over(tmp_path):
    """A review.db planted higher up (say /tmp/.seedread) must not collect the decisions
    on an article below it: only the article's own folder is looked at."""
    document = write_article(tmp_path, "2016/november/article.txt")
    ReviewStore.open(tmp_path).close()
    assert review_folder(document.path) == document.path.parent
    assert review_folder(tmp_path / "2016") == tmp_path / "2016"
    with ReviewStore.open(review_folder(document.path)) as store:
        assert store.location.path == document.path.parent / ".seedread" / "review.db"


def test_the_fallback_honours_seedread_data_dir(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    document = write_article(corpus)
    monkeypatch.setenv("SEEDREAD_DATA_DIR", str(tmp_path / "mine"))
    make_read_only(corpus, monkeypatch)
    try:
        with ReviewStore.open(corpus) as store:
            assert store.location.path.is_relative_to(tmp_path / "mine" / "reviews")
            store.document(document)
    finally:
        corpus.chmod(0o755)


@pytest.mark.parametrize("name", ["review.db", "review.db-wal", "review.db-shm"])
def test_a_symlinked_review_database_or_companion_is_refused(tmp_path, name):
    """SQLite would write the database, its WAL or its shared memory through the link."""
    elsewhere = tmp_path / "victim"
    elsewhere.write_bytes(b"precious")
    corpus = tmp_path / "corpus"
    write_article(corpus)
    (corpus / ".seedread").mkdir()
    (corpus / ".seedread" / name).symlink_to(elsewhere)
    with pytest.raises(ReviewStoreError, match="symbolic link"):
        ReviewStore.open(corpus)
    assert elsewhere.read_bytes() == b"precious"


def test_without_create_no_store_is_made(tmp_path):
    assert ReviewStore.open(tmp_path, create=False) is None
    assert not (tmp_path / ".seedread").exists()
