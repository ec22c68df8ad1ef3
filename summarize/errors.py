"""Errors the toolkit raises for problems a user can fix.

The CLI and the app catch :class:`SummarizeError` and show its message without a
traceback; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class SummarizeError(Exception):
    """Base class: a problem with input, configuration or models that the user can fix."""


class ConfigError(SummarizeError):
    """A configuration file or value is invalid; the message names the key."""


class InputError(SummarizeError):
    """Input the toolkit refuses: a file or record that cannot be read (the message names
    it), or input outside a limit such as the app's upload size (the message names the limit).

    Input skipped during a run, while the rest is processed, is recorded instead as a
    :class:`summarize.types.SkippedInput` in the result.
    """


class ModelUnavailableError(SummarizeError):
    """A model is neither a local directory nor in the Hugging Face cache, and cannot be downloaded."""

    def __init__(self, model: str, config_key: str | None = None, reason: str = "") -> None:
        self.model = model
        self.config_key = config_key
        self.reason = reason
        where = f" (config key `{config_key}`)" if config_key else ""
        because = f"\nReason: {reason}" if reason else ""
        super().__init__(
            f"Model '{model}'{where} is not available on this machine and could not be downloaded."
            f"{because}\n"
            "Provide it in one of three ways:\n"
            f"  1. on a machine with network access run `summarize models pull --config <your config>` "
            "(or `hf download " + model + "`) and copy the Hugging Face cache over;\n"
            f"  2. put a local directory with the model files in the config instead of '{model}';\n"
            "  3. point HF_HOME / HF_HUB_CACHE at a Hugging Face cache that already holds it."
        )


class MissingDependencyError(SummarizeError):
    """An optional dependency is not installed; the message gives the install hint."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"This feature needs the optional package '{package}'. "
            f"Install it with: pip install 'summarize[{extra}]'"
        )
