"""CLI commands, one module each; see pipeline.cli."""
