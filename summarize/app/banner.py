"""The banner above the app's inputs: one message about the chosen config, said once.

A config whose models are missing gets one box that lists every missing model (config key,
model id, why), says once how to get them (:data:`summarize.errors.PROVIDE_MODELS`, or the
gated-repository advice for a gated model), and offers the offline config as a one-click
alternative (the button of :mod:`summarize.app.layout` under the banner).  Such a config
cannot run, so the Run button is disabled while it is chosen (:func:`can_run`).  The
translation-off notice is the pipeline's own :data:`~summarize.pipeline.TRANSLATION_OFF_NOTICE`,
shown here and therefore not again under the results (:func:`shown_in_banner`).
"""

from __future__ import annotations

from collections.abc import Mapping

from summarize.config import Config
from summarize.errors import GATED_ADVICE, PROVIDE_MODELS
from summarize.report.html import esc

__all__ = [
    "OFFLINE_CONFIG",
    "can_run",
    "missing_models_html",
    "model_problem",
    "subtitle",
]

OFFLINE_CONFIG = "offline"  # the config that needs no download (configs/offline.yaml)
_GATED_MARK = "gated repository"


def model_problem(message: str) -> str:
    """The short reason of a model error message (its ``Reason:`` line, else its first line)."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    for line in lines:
        if line.startswith("Reason: "):
            return line[len("Reason: ") :]
    return lines[0] if lines else "not available"


def can_run(missing: Mapping[str, str | None]) -> bool:
    """Whether a config whose model check gave ``missing`` can run (no model is missing)."""
    return not any(missing.values())


def missing_models_html(
    cfg: Config, missing: Mapping[str, str | None], offline_available: bool
) -> str:
    """One box: every missing model, how to provide them (once), the offline alternative."""
    bad = {key: msg for key, msg in missing.items() if msg}
    if not bad:
        return ""
    ids = dict(cfg.models())
    items = []
    gated = []
    for key, msg in bad.items():
        model = ids.get(key, key)
        items.append(
            f"<li><code>{esc(key)}</code> <b>{esc(model)}</b>: {esc(model_problem(msg))}</li>"
        )
        if _GATED_MARK in msg:
            gated.append(GATED_ADVICE.format(model=model))
    plain = len(bad) - len(gated)
    how = [PROVIDE_MODELS.format(them="them" if plain > 1 else "it")] if plain else []
    how += gated
    offline = (
        f"<p><b>Or run now without any download:</b> the <code>{OFFLINE_CONFIG}</code> config "
        "(Hindi extractive summaries, translation off), one click on the button below.</p>"
        if offline_available and cfg.name != OFFLINE_CONFIG
        else ""
    )
    n = len(bad)
    head = f"{n} model{'s' if n > 1 else ''} of config '{cfg.name}' {'are' if n > 1 else 'is'} missing on this machine, so Run is disabled:"
    return (
        f'<div class="sm-msg sm-error" id="sm-missing"><b>{esc(head)}</b><ul>{"".join(items)}</ul>'
        f"<pre>{esc(chr(10).join(how))}</pre>{offline}</div>"
    )


def subtitle(cfg: Config | None) -> str:
    """The line under the app's title: what this config produces (no English promised when
    translation is off)."""
    if cfg is not None and not cfg.translation.enabled:
        return (
            "Cleaned Hindi, per-article Hindi summaries by strategy, and a merged summary that "
            "says which source supports each sentence (translation is off in this config)."
        )
    return (
        "Cleaned Hindi, English translation, per-article summaries by strategy, and a merged "
        "summary that says which source supports each sentence."
    )
