"""seedread.app."""
