"""Background work that can never keep the reader alive: daemon threads that hand their
results back as messages.

Textual's thread workers run in a pool the interpreter joins at exit, and
`call_from_thread` waits for the event loop to run the callback: an analysis still running
when the reader quits would hold the process open, and then wait forever on a loop that
has stopped. A daemon thread that only posts a message (which never waits) cannot.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable

from textual.message import Message
from textual.message_pump import MessagePump

THREAD_PREFIX = "seedread-background-"


def start(name: str, work: Callable[[], None]) -> threading.Thread:
    """Run `work` in a daemon thread, with the app's context (so `node.app` works there)."""
    thread = threading.Thread(target=contextvars.copy_context().run, args=(work,),
                              name=THREAD_PREFIX + name, daemon=True)
    thread.start()
    return thread


def deliver(node: MessagePump, message: Message) -> bool:
    """Post `message` to `node` from a background thread; False once the app has gone."""
    try:
        return node.post_message(message)
    except RuntimeError:  # the event loop is closed: nobody is left to tell
        return False


def running() -> bool:
    """Whether any background thread is still at work (tests wait for this)."""
    return any(t.name.startswith(THREAD_PREFIX) for t in threading.enumerate())
