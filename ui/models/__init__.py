"""Table models that page through a service's search results instead of holding every row."""
