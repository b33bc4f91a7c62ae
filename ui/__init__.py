"""Qt user interface: windows, pages and dialogs. Calls db.services; never writes SQL."""
