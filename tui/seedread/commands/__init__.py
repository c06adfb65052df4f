"""seedread.commands."""
