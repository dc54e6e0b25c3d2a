"""Unit tests for rlib (run on CPython with unittest)."""
