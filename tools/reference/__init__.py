"""Reference-value modules for tools/make-reference.py, one per topic."""
