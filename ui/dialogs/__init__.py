"""Modal dialogs, one class per file."""
