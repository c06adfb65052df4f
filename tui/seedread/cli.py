"""The `seedread` command: opens the reader, or runs one of the script verbs.

`seedread PATH…` opens the app; `seedread VERB …` runs a verb from `VERBS`, each a module in
`seedread.commands` with `configure(parser)` and `run(args) -> int`, imported only when used
so that `seedread cat` never pays for Textual. Every expected failure is one line on stderr
and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from seedread import __version__
from seedread.text.document import DocumentError
from seedread.text.untrusted import printable

VERBS = {
    "cat": ("seedread.commands.cat", "print an article laid out for a terminal"),
    "extract": ("seedread.commands.extract", "print the analysis (entities, timeline, glossary)"),
    "export": ("seedread.commands.export", "export reviewed annotations"),
}
APP = ("seedread.commands.read", "open the reader")

EXIT_USAGE = 2
EXIT_INPUT = 1


class CommandError(Exception):
    """A problem with what the user asked for, reported as one line."""


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is a single line naming the fix."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _parser(prog: str, module: str, help_text: str) -> tuple[argparse.ArgumentParser, object]:
    command = importlib.import_module(module)
    parser = OneLineParser(prog=prog, description=help_text)
    command.configure(parser)
    return parser, command


def _top_level_help() -> str:
    verbs = "\n".join(f"  seedread {name:<15}{text}" for name, (_, text) in VERBS.items())
    return (
        f"seedread {__version__}: a terminal reader for right-to-left news articles\n\n"
        f"usage:\n  seedread PATH…          {APP[1]} (files or folders)\n{verbs}\n\n"
        "Run `seedread VERB --help` for a verb's options.\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _utf8_streams()
    if argv and argv[0] in ("-h", "--help"):
        sys.stdout.write(_top_level_help())
        return 0
    if argv and argv[0] == "--version":
        sys.stdout.write(f"seedread {__version__}\n")
        return 0
    if argv and argv[0] in VERBS:
        module, help_text = VERBS[argv[0]]
        prog, rest = f"seedread {argv[0]}", argv[1:]
    else:
        (module, help_text), prog, rest = APP, "seedread", argv
    try:
        parser, command = _parser(prog, module, help_text)
        try:
            args = parser.parse_args(rest)
        except SystemExit as done:  # --help, or a usage error already printed
            return done.code if isinstance(done.code, int) else EXIT_USAGE
        return command.run(args)
    except (DocumentError, CommandError) as exc:
        sys.stderr.write(f"seedread: {printable(exc)}\n")
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0


def _utf8_streams() -> None:
    """Arabic must never raise UnicodeEncodeError on a C-locale terminal or pipe."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() != "utf-8":
            reconfigure(encoding="utf-8", errors="replace")


def _silence_stdout() -> None:
    """After the reader of a pipe has gone, keep Python's exit flush from failing too."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    # Run as `python -m seedread.cli`, this file is `__main__`; the verbs raise the
    # CommandError of `seedread.cli`, which only that module's `main` catches.
    from seedread.cli import main as installed_main

    raise SystemExit(installed_main())
