"""The ``summarize`` command line: one module per subcommand, dispatched by :mod:`summarize.cli.main`."""
