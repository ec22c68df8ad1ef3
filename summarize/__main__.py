"""``python -m summarize`` runs the command line."""

from summarize.cli.main import entry

entry()
