"""Domain services: one function per user action; plain values in and out; writes in one transaction.

Services never import Qt. They raise :mod:`db.errors` types with Indonesian messages.
"""
