"""Speed and memory of the extractor: the seed after import, and a 5 MB document, rules only
(`--no-model`, `analyze(..., model=False)`); then the default pipeline with the learned NER
model, on a smaller piece because it is several times slower.

    python bench/extract.py [--megabytes 5] [--model-megabytes 1]
    python bench/extract.py --batch [--shared ../shared] [--jobs 2] [--repeats 3] [--no-model]

Targets (issue 3, rules only): the seed in < 100 ms after import; >= 50,000 words/s on a 5 MB
document; peak memory < 300 MB there. Issue 11, the default pipeline: >= 20,000 words/s.

--batch (issue 15): `seedread extract --jobs 1` against `--jobs N` on a folder of real news
articles cut from ANERcorp (eval/anercorp_articles.py), end to end in fresh processes,
alternating, best of --repeats; the outputs must be identical. Target: >= 1.8x on 2 cores.
The CPU seconds (all processes) and the load average are printed too, because on a machine
shared with other work the wall-clock ratio measures the neighbours as much as the pool.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_dce8252990c8ebab.txt"
MORE = sorted((ROOT / "tests" / "gold").glob("*.txt"))


def copies_for(block: str, megabytes: float) -> int:
    """How many copies of `block` make a document of about `megabytes`."""
    return max(1, int(megabytes * 1024 * 1024) // len(block.encode("utf-8")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--model-megabytes", type=float, default=1.0)
    parser.add_argument("--batch", action="store_true", help="measure extract --jobs instead")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-model", dest="model", action="store_false",
                        help="--batch with --no-model (rules only)")
    args = parser.parse_args()
    if args.batch:
        return batch(args)

    started = time.perf_counter()
    from seedread.analysis import analyze
    from seedread.text.document import load_document, parse_text

    imported = time.perf_counter()
    print(f"import seedread.analysis: {1000 * (imported - started):.0f} ms")

    seed = load_document(SEED)
    started = time.perf_counter()
    analyze(seed, model=False)
    print(f"seed, first call after import: {1000 * (time.perf_counter() - started):.1f} ms")
    runs = []
    for _ in range(20):
        started = time.perf_counter()
        analyze(seed, model=False)
        runs.append(time.perf_counter() - started)
    print(f"seed, warm (median of 20): {1000 * sorted(runs)[10]:.1f} ms")

    pieces = [SEED.read_text(encoding="utf-8")] + [p.read_text(encoding="utf-8") for p in MORE]
    block = "\n".join(pieces) + "\n"
    big = parse_text(block * copies_for(block, args.megabytes), "big.txt")
    size = len(big.text.encode("utf-8")) / 1024 / 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    analysis = analyze(big, model=False)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mentions = sum(len(e.mentions) for e in analysis.entities)
    print(f"--no-model, {size:.1f} MB document, {big.words:,} words: {elapsed:.2f} s, "
          f"{big.words / elapsed:,.0f} words/s")
    print(f"  {len(analysis.entities)} entities, {mentions:,} mentions, "
          f"{len(analysis.timeline):,} dates, {len(analysis.glossary)} glossary terms")
    print(f"  process peak RSS: {peak:.0f} MB ({before:.0f} MB before the analysis)")
    del analysis, big

    piece = parse_text(block * copies_for(block, args.model_megabytes), "piece.txt")
    size = len(piece.text.encode("utf-8")) / 1024 / 1024
    started = time.perf_counter()
    analyze(piece, model=True)
    loaded = time.perf_counter() - started
    print(f"default (model), first call (loads the model) on {size:.2f} MB: {loaded:.2f} s")
    started = time.perf_counter()
    analysis = analyze(piece, model=True)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    added = sum(m.source == "model" for e in analysis.entities for m in e.mentions)
    print(f"default (model), {size:.2f} MB document, {piece.words:,} words: {elapsed:.2f} s, "
          f"{piece.words / elapsed:,.0f} words/s ({added:,} mentions from the model)")
    print(f"  process peak RSS: {peak:.0f} MB")
    return 0


def timed_extract(argv: list[str], out: Path, timeout: float = 600.0) -> tuple[float, float]:
    """Wall and CPU seconds (the CLI and its workers) of one `seedread extract` run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with out.open("wb") as sink:
        subprocess.run([sys.executable, "-m", "seedread.cli", "extract", *argv], stdout=sink,
                       stdin=subprocess.DEVNULL, check=True, timeout=timeout)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def rendered_with_cpu(planned, form: str, model: bool) -> tuple[int, float]:
    """Render one article as the CLI's workers do; return this process's id and CPU so far."""
    from seedread.commands.extract import render

    status, _, _ = render(planned, form, None, model)
    assert status == "ok", status
    return os.getpid(), time.process_time()


def critical_path(folder: Path, jobs: int, model: bool) -> tuple[float, float]:
    """(CPU seconds of all the work, CPU seconds of the busiest process) for one in-process
    batch: the second is the wall time the batch would take on `jobs` idle cores."""
    from functools import partial

    from seedread.commands.batch import run_batch
    from seedread.commands.extract import planned_files

    planned, _ = planned_files([str(folder)])
    last: dict[int, float] = {}
    parent = time.process_time()
    started = {os.getpid(): parent}
    run_batch(partial(rendered_with_cpu, form="jsonl", model=model), planned, jobs,
              lambda result, _: last.__setitem__(*result))
    last[os.getpid()] = time.process_time()
    used = {pid: cpu - started.get(pid, 0.0) for pid, cpu in last.items()}
    return sum(used.values()), max(used.values())


def batch(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        subprocess.run([sys.executable, str(args.shared / "eval" / "anercorp_articles.py"),
                        str(args.shared / "anercorp" / "train.txt"), str(folder)],
                       check=True, stdout=subprocess.DEVNULL, timeout=120)
        for gold in folder.glob("*.gold.conll"):
            gold.unlink()
        files = sorted(folder.glob("*.txt"))
        words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
        megabytes = sum(f.stat().st_size for f in files) / 1e6
        print(f"batch: {len(files)} ANERcorp articles, {words:,} words, {megabytes:.1f} MB"
              f"{'' if args.model else ', --no-model'}")
        runs: dict[int, list[tuple[float, float]]] = {1: [], args.jobs: []}
        outputs = {}
        load = os.getloadavg()[0]
        for _ in range(args.repeats):
            for jobs in runs:
                out = Path(tmp) / f"jobs{jobs}.jsonl"
                argv = ["--jobs", str(jobs), "--format", "jsonl", *([] if args.model else ["--no-model"])]
                runs[jobs].append(timed_extract([*argv, str(folder)], out))
                outputs[jobs] = out.read_bytes()
        for jobs, timings in runs.items():
            wall = min(w for w, _ in timings)
            cpu = min(c for _, c in timings)
            print(f"  --jobs {jobs}: {wall:.2f} s wall (best of {args.repeats}), {cpu:.2f} s CPU, "
                  f"{words / wall:,.0f} words/s")
        one, many = (min(w for w, _ in runs[j]) for j in runs)
        print(f"  speed-up --jobs {args.jobs} / --jobs 1: {one / many:.2f}x (target >= 1.8x on 2 "
              f"cores); outputs identical: {len(set(outputs.values())) == 1}")
        from seedread.analysis import analyze
        from seedread.text.document import parse_text

        analyze(parse_text("زار بوتين دمشق", "warm.txt"), model=args.model)  # forked warm
        serial, _ = critical_path(folder, 1, args.model)
        total, busiest = critical_path(folder, args.jobs, args.model)
        print(f"  CPU-time view (in one process after import, so the neighbours' load does not "
              f"count): --jobs 1 {serial:.2f} s CPU; --jobs {args.jobs} {total:.2f} s CPU in all, "
              f"{busiest:.2f} s in the busiest process -> {serial / busiest:.2f}x on idle cores")
        print(f"  load average 1 min: {load:.2f} before, {os.getloadavg()[0]:.2f} after, "
              f"on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
