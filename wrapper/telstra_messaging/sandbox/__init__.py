"""Local server that implements openapi.yaml."""
