"""seedread: a keyboard-driven terminal reader for right-to-left news articles."""

__version__ = "0.1.0"
