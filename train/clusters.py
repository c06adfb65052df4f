"""Word clusters and article statistics computed from unlabelled text (the training
sentences' tokens; labels are never read here).

Stems are embedded by a truncated SVD of their positive PMI with the stems at positions
-2, -1, +1, +2, then grouped by spherical k-means at three granularities. Clusters let the
CRF generalise from a name or trigger seen in training to words used the same way.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

from collections import Counter  # noqa: E402

import numpy as np  # noqa: E402

from seedread.analysis.ner.features import Resources  # noqa: E402
from seedread.analysis.ner.normalize import normalize, segment  # noqa: E402

MIN_COUNT = 2
CONTEXT_WORDS = 1000
DIMENSIONS = 100
SIZES = (32, 128, 512)
OFFSETS = (-2, -1, 1, 2)


def build_resources(sentences: list[list[str]], seed: int = 0) -> Resources:
    segmented = [[segment(normalize(token)) for token in sentence] for sentence in sentences]
    stems = [[stem for _, stem in sentence] for sentence in segmented]
    counts = Counter(stem for sentence in stems for stem in sentence)
    vocab = [stem for stem, n in counts.items() if n >= MIN_COUNT]
    row = {stem: i for i, stem in enumerate(vocab)}
    contexts = [stem for stem, _ in counts.most_common(CONTEXT_WORDS)]
    column = {stem: i for i, stem in enumerate(contexts)}
    matrix = np.zeros((len(vocab), len(contexts) * len(OFFSETS)), dtype=np.float32)
    for sentence in stems:
        for i, stem in enumerate(sentence):
            r = row.get(stem)
            if r is None:
                continue
            for k, offset in enumerate(OFFSETS):
                j = i + offset
                if 0 <= j < len(sentence) and sentence[j] in column:
                    matrix[r, k * len(contexts) + column[sentence[j]]] += 1
    vectors = _embed(_ppmi(matrix), seed)
    rng = np.random.default_rng(seed)
    ids = [_kmeans(vectors, size, rng) for size in SIZES]
    clusters = {stem: tuple(f"{ids[g][i]}" for g in range(len(SIZES))) for stem, i in row.items()}
    frequency = {stem: _frequency_bucket(counts[stem]) for stem in row}
    return Resources(clusters, _definiteness(segmented, row), frequency)


def _frequency_bucket(count: int) -> str:
    return "2-4" if count < 5 else "5-19" if count < 20 else "20-99" if count < 100 else "100+"


def _ppmi(matrix: np.ndarray) -> np.ndarray:
    rows = matrix.sum(axis=1, keepdims=True)
    cols = matrix.sum(axis=0, keepdims=True) ** 0.75
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(matrix * cols.sum() / (rows * cols + 1e-9) + 1e-12)
    pmi[~np.isfinite(pmi)] = 0
    return np.maximum(pmi, 0, dtype=np.float32)


def _embed(matrix: np.ndarray, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    sketch = matrix @ rng.standard_normal((matrix.shape[1], DIMENSIONS + 20)).astype(np.float32)
    basis, _ = np.linalg.qr(sketch)
    small = basis.T @ matrix
    u, s, _ = np.linalg.svd(small, full_matrices=False)
    vectors = (basis @ u[:, :DIMENSIONS]) * np.sqrt(s[:DIMENSIONS])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)


def _kmeans(vectors: np.ndarray, size: int, rng: np.random.Generator, rounds: int = 20):
    centres = vectors[rng.choice(len(vectors), size, replace=False)]
    for _ in range(rounds):
        assign = np.argmax(vectors @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, assign, vectors)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centres = np.where(norms > 0, sums / np.maximum(norms, 1e-9), centres)
    return np.argmax(vectors @ centres.T, axis=1)


def _definiteness(segmented, row) -> dict[str, str]:
    seen: Counter = Counter()
    definite: Counter = Counter()
    for sentence in segmented:
        for clitics, stem in sentence:
            if stem in row:
                seen[stem] += 1
                definite[stem] += clitics.endswith("ال") or clitics.endswith("لل")
    buckets = {}
    for stem, n in seen.items():
        share = definite[stem] / n
        buckets[stem] = "0" if share == 0 else "lo" if share < 0.3 else "mid" if share < 0.7 else "hi"
    return buckets
