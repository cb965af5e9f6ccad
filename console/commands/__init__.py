"""CLI subcommands, one module each (discovered by console.cli)."""
