"""Write operations of the journey design studio, one module per part."""
