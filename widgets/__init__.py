"""Reusable, domain-agnostic Qt widgets (PySide6 only)."""
