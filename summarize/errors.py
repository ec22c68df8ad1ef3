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


# The ways to provide a model that is not on this machine (said once per message).
PROVIDE_MODELS = (
    "Provide {them} in one of three ways:\n"
    "  1. on a machine with network access run `summarize models pull --config <your config>` "
    "(or `hf download <model id>`) and copy the Hugging Face cache over;\n"
    "  2. put a local directory with the model files in the config instead of the model id;\n"
    "  3. point HF_HOME / HF_HUB_CACHE at a Hugging Face cache that already holds {them}."
)
# Said where a run stops for models: the config that needs none, for make and pip users.
OFFLINE_ALTERNATIVE = (
    "Or run without any download: `make run CONFIG=configs/offline.yaml`, or "
    "`summarize run <inputs> --config configs/offline.yaml` (Hindi extractive summaries, "
    "translation off)."
)
# A gated Hub repository: access is granted per account on the model's page.
GATED_ADVICE = (
    "'{model}' is a gated repository on the Hugging Face Hub: request access on "
    "https://huggingface.co/{model} , then log in with `hf auth login` (or set HF_TOKEN to a "
    "token of that account) and run again; `configs/nllb.yaml` uses ungated models instead."
)


class ModelUnavailableError(SummarizeError):
    """A model is neither a local directory nor in the Hugging Face cache, and cannot be downloaded."""

    gated = False

    def __init__(self, model: str, config_key: str | None = None, reason: str = "") -> None:
        self.model = model
        self.config_key = config_key
        self.reason = reason
        because = f"\nReason: {reason}" if reason else ""
        super().__init__(
            f"Model '{model}'{self.where} is not available on this machine and could not be "
            f"downloaded.{because}\n{self.advice}"
        )

    @property
    def where(self) -> str:
        return f" (config key `{self.config_key}`)" if self.config_key else ""

    @property
    def advice(self) -> str:
        """What to do about this model (the ways to provide it)."""
        return PROVIDE_MODELS.format(them="it")


class GatedModelError(ModelUnavailableError):
    """A model on the Hub whose repository is gated, and this account has no access to it."""

    gated = True

    @property
    def advice(self) -> str:
        return GATED_ADVICE.format(model=self.model)


class ModelsUnavailableError(ModelUnavailableError):
    """Several models a run needs are missing: all of them in one message, the ways once."""

    def __init__(self, errors: list[ModelUnavailableError]) -> None:
        self.errors = list(errors)
        first = self.errors[0]
        self.model, self.config_key, self.reason = first.model, first.config_key, first.reason
        lines = [f"{len(self.errors)} models this run needs are not available on this machine:"]
        for e in self.errors:
            lines.append(f"  - '{e.model}'{e.where}: {e.reason or 'not found'}")
        plain = [e for e in self.errors if not e.gated]
        if plain:
            lines.append(PROVIDE_MODELS.format(them="them" if len(plain) > 1 else "it"))
        lines.extend(GATED_ADVICE.format(model=e.model) for e in self.errors if e.gated)
        SummarizeError.__init__(self, "\n".join(lines))


def install_hint(extra: str) -> str:
    """The command that installs an extra: from a checkout (``make`` made ``.venv``), or pip."""
    return (
        f".venv/bin/pip install -e '.[{extra}]' (in a checkout; elsewhere "
        f"`pip install -e '<checkout>[{extra}]'` in your environment)"
    )


class MissingDependencyError(SummarizeError):
    """An optional dependency is not installed; the message gives the install hint."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"This feature needs the optional package '{package}'. "
            f"Install it with: {install_hint(extra)}"
        )
