"""Writers and readers, one module per format."""
