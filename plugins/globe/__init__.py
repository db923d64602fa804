"""The Brussels Globe: shared model of problems, languages and categories, and the CLI."""
