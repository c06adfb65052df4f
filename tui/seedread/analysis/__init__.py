"""seedread.analysis."""
