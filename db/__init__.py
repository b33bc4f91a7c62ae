"""Data layer: peewee models on one SQLite file, migrations, backups and the domain services.

Nothing in this package imports Qt (tests/test_layering.py enforces it).
"""
