"""seedread.text."""
