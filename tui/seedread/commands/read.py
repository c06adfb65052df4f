"""`seedread PATH…`: the reader app (library for folders or several files, reader for one).

Before the app takes the screen the terminal is asked who should do bidi (unless --bidi
says), and the mode it was in is restored on every way out.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from textual.theme import BUILTIN_THEMES

from seedread.app.analysis_runner import default_analyzer, rules_analyzer
from seedread.app.app import SeedreadApp
from seedread.app.bidi_guard import BidiGuard
from seedread.app.review_service import ReviewService
from seedread.app.state import ReaderState
from seedread.app.terminal_probe import choose_mode, detect_multiplexer, probe
from seedread.app.themes import bundled_themes
from seedread.cli import CommandError
from seedread.commands.arguments import (
    add_date,
    add_layout_options,
    add_model,
    add_paths,
    open_paths,
)
from seedread.text.layout import SENDS, LayoutOptions

BIDI_CHOICES = ("auto", *SENDS)


def configure(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    parser.add_argument("--bidi", choices=BIDI_CHOICES, default="auto",
                        help="auto: ask the terminal (and remember the calibration answer); app: "
                             "seedread shapes and reorders; terminal: the terminal does bidi; "
                             "shaper: app, for terminals that shape runs themselves (kitty)")
    parser.add_argument("--theme", help="a seedread theme (seedread-dark, seedread-light, "
                                        "seedread-high-contrast) or a Textual one")
    add_layout_options(parser)
    add_date(parser)
    add_model(parser)
    parser.add_argument("--reviewer", metavar="NAME",
                        help="name recorded with each review decision (default: your login name)")


def run(args: argparse.Namespace) -> int:
    loaded = open_paths(args.paths)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CommandError("the reader needs a terminal; use `seedread cat` for pipes")
    _check_theme(args.theme)
    state = ReaderState.load()
    # Asked even with --bidi given: the reply to DECRQM is the mode to restore on exit.
    report = probe(sys.stdin.fileno(), sys.stdout.fileno(), os.environ.get("TERM", ""))
    calibrate = False
    if args.bidi != "auto":
        mode = args.bidi
    elif report.key in state.bidi:
        mode = state.bidi[report.key]
    else:
        mode = choose_mode(report)
        calibrate = True
    options = LayoutOptions.sending(mode, base=args.base, keep_harakat=args.harakat)
    guard = BidiGuard(sys.stdout.fileno(), report.mode8, explicit=mode != "terminal",
                      multiplexer=detect_multiplexer(), mlterm=report.is_mlterm)
    app = SeedreadApp(
        loaded.documents, options, state=state, date=args.date, theme=args.theme,
        analyzer=default_analyzer if args.model else rules_analyzer,
        bidi_guard=guard, terminal_key=report.key, calibrate=calibrate,
        library=len(loaded.documents) > 1 or any(Path(path).is_dir() for path in args.paths),
        review=ReviewService(args.reviewer),
    )
    if report.lacks_arabic_italic or "KONSOLE_VERSION" in os.environ:  # Konsole: empty boxes too
        app.add_class("-no-italic")
    with guard:
        app.run()
    return app.return_code or 0


def _check_theme(name: str | None) -> None:
    if name is None:
        return
    known = sorted({*BUILTIN_THEMES, *(theme.name for theme in bundled_themes())})
    if name not in known:
        raise CommandError(f"unknown theme {name!r}; choose one of: {', '.join(known)}")
