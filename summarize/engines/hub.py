"""Model resolution: a local directory, the Hugging Face cache, or a download from the Hub.

One function, :func:`resolve_model_dir`, decides where a model's files are, for every engine
and the embedder, and turns every way it can fail into one
:class:`~summarize.errors.ModelUnavailableError` naming the model, the config key and the
ways to provide it, never a traceback.  A gated Hub repository (AI4Bharat's IndicTrans2
checkpoints are: "401 ... You are trying to access a gated repo") is a
:class:`~summarize.errors.GatedModelError`, whose message says how to get access instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from summarize.errors import GatedModelError, ModelUnavailableError

__all__ = ["hub_offline", "is_gated_error", "resolve_model_dir"]


def hub_offline() -> bool:
    """Whether ``HF_HUB_OFFLINE`` forbids the network."""
    return os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes", "on"}


def is_gated_error(exc: BaseException) -> bool:
    """Whether a Hub failure (or one it was raised from) says the repository is gated.

    ``huggingface_hub`` raises ``GatedRepoError`` for a gated repository this account may not
    read; an older release or a proxy may give a plain 401/403 ``HfHubHTTPError`` instead,
    whose message then names the gated repo ("You are trying to access a gated repo").
    """
    try:
        from huggingface_hub.errors import GatedRepoError, HfHubHTTPError
    except ImportError:  # pragma: no cover - a dependency of transformers
        return False
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, GatedRepoError):
            return True
        if isinstance(e, HfHubHTTPError):
            status = getattr(getattr(e, "response", None), "status_code", None)
            if status in (401, 403) and "gated" in str(e).lower():
                return True
        e = e.__cause__ or e.__context__
    return False


def resolve_model_dir(
    model: str,
    config_key: str | None = None,
    allow_patterns: list[str] | None = None,
) -> Path:
    """Local directory holding ``model``: the path itself, the HF cache, or a download.

    Raises :class:`ModelUnavailableError` (one clear message naming the model, the config
    key and the three ways to provide it) when none of them works; never a traceback.
    """
    path = Path(model).expanduser()
    if path.is_dir():
        return path
    if model.startswith((".", "/", "~")) or path.exists():
        what = "a file, not a model directory" if path.exists() else "no such directory"
        raise ModelUnavailableError(model, config_key, what)
    if model.count("/") > 1 or not model.strip():
        raise ModelUnavailableError(model, config_key, "neither a local directory nor a Hub id")
    try:
        from huggingface_hub import snapshot_download
    except ImportError as exc:  # pragma: no cover - a dependency of transformers
        raise ModelUnavailableError(model, config_key, f"huggingface_hub missing: {exc}") from None
    try:
        return Path(snapshot_download(model, local_files_only=True, allow_patterns=allow_patterns))
    except Exception:  # noqa: BLE001 - any failure means "not cached"; we try the network next
        pass
    if hub_offline():
        raise ModelUnavailableError(
            model,
            config_key,
            "HF_HUB_OFFLINE is set and the model is not in the Hugging Face cache",
        )
    try:
        return Path(snapshot_download(model, allow_patterns=allow_patterns))
    except Exception as exc:  # noqa: BLE001 - network, auth, 404: all mean "unavailable"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if is_gated_error(exc):
            raise GatedModelError(
                model, config_key, f"no access to the gated repository ({first[:200]})"
            ) from None
        raise ModelUnavailableError(
            model, config_key, f"download failed ({type(exc).__name__}: {first[:200]})"
        ) from None
