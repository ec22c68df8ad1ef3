"""The Space's fast path (summarize/app/space.py): convert once, serve fast-cpu from it.

A fake Hub stands in for the download: it maps each recommended Hub id to a tiny model built
by the test suite (IndicTrans2 layout, mT5 layout), laid out as a Hugging Face cache
snapshot, and fails (gated, unreachable) where a test asks.  The real converters run on the
tiny models.  Nothing here depends on timing: progress is observed from inside the fake
download, and the second start is checked by what it (does not) call and by mtimes.
"""

from __future__ import annotations

import errno
import json
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("ctranslate2")

from summarize.app import space  # noqa: E402
from summarize.app.space import CONVERTING, MARKER, FastSetup  # noqa: E402
from summarize.config import load_config  # noqa: E402
from summarize.engines.ctranslate2.convert import convert_model  # noqa: E402
from summarize.errors import GatedModelError, ModelUnavailableError  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
INDICTRANS2 = "ai4bharat/indictrans2-indic-en-dist-200M"
XLSUM = "csebuetnlp/mT5_multilingual_XLSum"
CROSSSUM = "csebuetnlp/mT5_m2o_english_crossSum"
KEYS = {
    "translation.engine": INDICTRANS2,
    "summarization.summarizer": XLSUM,
    "summarization.cross_lingual": CROSSSUM,
}
REV = "0123456789abcdef0123456789abcdef01234567"


class FakeHub:
    """``fetch`` for FastSetup: Hub id -> a cache-snapshot copy of a tiny model."""

    def __init__(
        self,
        root: Path,
        models: dict[str, Path],
        *,
        gated: tuple[str, ...] = (),
        unreachable: tuple[str, ...] = (),
    ) -> None:
        self.root, self.models = root, models
        self.gated, self.unreachable = gated, unreachable
        self.calls: list[tuple[str, str]] = []
        self.observe: Callable[[], object] | None = None
        self.seen: list[object] = []

    def __call__(self, source: str, key: str) -> Path:
        self.calls.append((source, key))
        if self.observe is not None:
            self.seen.append(self.observe())
        if source in self.gated:
            raise GatedModelError(
                source, key, "no access to the gated repository (401 Client Error: gated repo)"
            )
        if source in self.unreachable:
            raise ModelUnavailableError(
                source, key, "download failed (ConnectError: [Errno -3] name resolution)"
            )
        snap = self.root / f"models--{source.replace('/', '--')}" / "snapshots" / REV
        if not snap.exists():
            shutil.copytree(self.models[source], snap)
        return snap


def _hub(root: Path, tiny_indictrans2: Path, tiny_mt5: Path, **kw: Any) -> FakeHub:
    return FakeHub(root, {INDICTRANS2: tiny_indictrans2, XLSUM: tiny_mt5, CROSSSUM: tiny_mt5}, **kw)


@pytest.fixture(scope="module")
def converted(
    tmp_path_factory: pytest.TempPathFactory, tiny_indictrans2: Path, tiny_mt5: Path
) -> tuple[FastSetup, FakeHub]:
    """One first start: all three models converted into a fresh target."""
    root = tmp_path_factory.mktemp("space")
    hub = _hub(root / "hub", tiny_indictrans2, tiny_mt5)
    setup = FastSetup(root / "models", fetch=hub)
    hub.observe = setup.progress
    setup.run()
    return setup, hub


# --- when the fast setup applies, and where it writes ----------------------------------------


def test_fast_setup_only_on_a_space_or_when_asked_and_no_config_chosen(tmp_path: Path) -> None:
    assert space.wants_fast_setup({"SPACE_ID": "user/summarize"})
    assert space.wants_fast_setup({"SUMMARIZE_FAST_SETUP": "1"})
    assert space.wants_fast_setup({}, flag=True)
    assert not space.wants_fast_setup({})
    assert not space.wants_fast_setup({"SUMMARIZE_FAST_SETUP": "0"})
    # a chosen config always wins: no conversion, that config is served as it is
    chosen = {"SPACE_ID": "user/summarize", "SUMMARIZE_CONFIG": "default"}
    assert not space.wants_fast_setup(chosen)
    assert not space.wants_fast_setup(chosen, flag=True)
    env = {"SPACE_ID": "x", "SUMMARIZE_MODELS_DIR": str(tmp_path)}
    assert space.fast_setup_for(None, env=chosen) is None
    assert space.fast_setup_for("offline", env=env) is None  # app.py --config
    setup = space.fast_setup_for(None, env=env)
    assert setup is not None and setup.target == tmp_path


def test_models_dir_env_then_persistent_storage_then_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    env = {"SUMMARIZE_MODELS_DIR": str(tmp_path / "mine")}
    assert space.default_models_dir(env, persistent=data) == tmp_path / "mine"
    assert space.default_models_dir({}, persistent=data) == data / "summarize-models"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    expected = tmp_path / "home" / ".cache" / "summarize" / "models"
    assert space.default_models_dir({}, persistent=tmp_path / "no-data") == expected


def test_plan_takes_the_hub_ids_from_the_default_config(tmp_path: Path) -> None:
    jobs = space.plan(tmp_path)
    default, fast = load_config("default"), load_config("fast-cpu")
    assert {j.key: j.source for j in jobs} == KEYS
    for job in jobs:
        spec, origin = fast.engine_spec(job.key), default.engine_spec(job.key)
        assert spec is not None and origin is not None
        assert job.source == origin.model
        assert job.out_dir == tmp_path / Path(spec.model).name
        assert job.quantization == "int8"


def test_fetch_resolves_through_the_hub_code_without_other_frameworks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got: dict[str, Any] = {}

    def resolve(model: str, key: str | None = None, allow_patterns: Any = None) -> Path:
        got.update(model=model, key=key, patterns=allow_patterns)
        return tmp_path

    monkeypatch.setattr(space, "resolve_model_dir", resolve)
    assert space.fetch_model(XLSUM, "summarization.summarizer") == tmp_path
    assert got["model"] == XLSUM and got["key"] == "summarization.summarizer"
    patterns = got["patterns"]
    assert "*.safetensors" in patterns and "model.SRC" in patterns and "*.model" in patterns
    assert not any(p.endswith((".h5", ".msgpack", ".onnx")) for p in patterns)


# --- the first start converts, the second does not -------------------------------------------


def test_first_start_converts_each_model_with_progress(
    converted: tuple[FastSetup, FakeHub],
) -> None:
    setup, hub = converted
    assert [source for source, _ in hub.calls] == [INDICTRANS2, XLSUM, CROSSSUM]
    assert sorted(setup.converted) == sorted(KEYS) and setup.problems() == {}
    for i, (seen, source) in enumerate(zip(hub.seen, KEYS.values(), strict=True), 1):
        assert isinstance(seen, str) and seen.startswith(CONVERTING)
        assert f"Model {i} of 3: {source}" in seen and "downloading" in seen
    assert setup.progress() is None and setup.pending() == []
    # only the three model directories: no temporary directory is left
    assert sorted(p.name for p in setup.target.iterdir()) == sorted(
        Path(spec.model).name
        for key in KEYS
        if (spec := load_config("fast-cpu").engine_spec(key)) is not None
    )


def test_marker_records_source_revision_quantization_and_time(
    converted: tuple[FastSetup, FakeHub],
) -> None:
    setup, _ = converted
    for job in setup.jobs:
        assert (job.out_dir / "model.bin").is_file()
        record = json.loads((job.out_dir / MARKER).read_text(encoding="utf-8"))
        assert record["source_model"] == job.source
        assert record["revision"] == REV
        assert record["quantization"] == "int8"
        assert record["config_key"] == job.key
        assert record["download_seconds"] >= 0 and record["convert_seconds"] >= 0
        assert datetime.fromisoformat(record["converted_at"]).tzinfo is not None
    # the converter's own record and the tokenizer came along
    assert (setup.jobs[0].out_dir / "dict.SRC.json").is_file()
    assert (setup.jobs[1].out_dir / "summarize-conversion.json").is_file()


def test_second_start_converts_nothing(converted: tuple[FastSetup, FakeHub]) -> None:
    first, _ = converted
    mtimes = {j.key: (j.out_dir / "model.bin").stat().st_mtime_ns for j in first.jobs}
    hub = FakeHub(first.target, {}, unreachable=tuple(KEYS.values()))  # any call would fail
    again = FastSetup(first.target, fetch=hub)
    assert again.pending() == [] and again.progress() is None
    again.run()
    assert hub.calls == [] and again.converted == [] and again.problems() == {}
    assert {j.key: (j.out_dir / "model.bin").stat().st_mtime_ns for j in again.jobs} == mtimes
    assert again.config == first.config


def test_config_is_fast_cpu_pointing_at_the_converted_dirs(
    converted: tuple[FastSetup, FakeHub],
) -> None:
    from summarize.app.state import discover_configs

    setup, _ = converted
    cfg, fast = setup.config, load_config("fast-cpu")
    assert cfg.name == "fast-cpu"
    for job in setup.jobs:
        spec, packaged = cfg.engine_spec(job.key), fast.engine_spec(job.key)
        assert spec is not None and packaged is not None
        assert spec.model == str(job.out_dir)
        assert spec.model_dump(exclude={"model"}) == packaged.model_dump(exclude={"model"})
    assert cfg.embeddings == fast.embeddings
    # the built config stands in for configs/fast-cpu.yaml in the app's config list
    first, choices = discover_configs(cfg)
    assert first == "fast-cpu" and choices[first].config == cfg
    assert [label for label in choices if label.startswith("fast-cpu")] == ["fast-cpu"]


def test_pipeline_runs_a_seed_article_on_the_converted_models(
    converted: tuple[FastSetup, FakeHub], tmp_path: Path
) -> None:
    from summarize.pipeline import Pipeline

    setup, _ = converted
    data = setup.config.model_dump()
    small = {"num_beams": 1, "max_length": 12}  # random weights: keep the outputs short
    data["translation"]["engine"]["generation"] = small
    for key in ("summarizer", "cross_lingual"):
        data["summarization"][key]["generation"] = small
    data["cache"] = {"enabled": False, "dir": str(tmp_path / "cache")}
    pipe = Pipeline(load_config(data))
    assert all(v is None for v in pipe.check_models().values())
    seed = sorted((REPO / "seeds").glob("*.txt"))[0]
    result = pipe.run([seed])
    (article,) = result.articles
    assert article.translation is not None and article.translation.pairs
    assert {s.strategy for s in article.summaries} == set(setup.config.summarization.strategies)
    assert result.merged is not None


# --- a failed conversion ------------------------------------------------------------------------


def test_failed_conversion_leaves_no_dir_and_says_what_to_do(
    tmp_path: Path, tiny_indictrans2: Path, tiny_mt5: Path
) -> None:
    from summarize.app.state import AppState, banner_html, can_run_config, discover_configs

    hub = _hub(tmp_path / "hub", tiny_indictrans2, tiny_mt5, gated=(INDICTRANS2,))

    def convert(src: str, out: Path, quantization: str, **kw: Any) -> Path:
        if "crossSum" in src:  # the disk fills up half-way through writing the model
            Path(out).mkdir(parents=True)
            (Path(out) / "model.bin").write_bytes(b"half a model")
            raise OSError(errno.ENOSPC, "No space left on device")
        return convert_model(src, out, quantization, **kw)

    setup = FastSetup(tmp_path / "models", fetch=hub, convert=convert)
    first, choices = discover_configs(setup.config)
    state = AppState(choices=choices, initial=first, startup=setup)
    hub.observe = lambda: state.startup_progress(first)
    assert state.startup_progress(first) == f"{CONVERTING} 3 of 3 models to convert."

    checks = state.check_models(first)  # what the app's background check does: convert first

    assert [str(s).split(": ", 1)[-1] for s in hub.seen] == [
        f"{INDICTRANS2} (downloading)",
        f"{XLSUM} (downloading)",
        f"{CROSSSUM} (downloading)",
    ]
    assert state.startup_progress(first) is None
    (xlsum,) = [j for j in setup.jobs if j.source == XLSUM]
    assert sorted(p.name for p in setup.target.iterdir()) == [xlsum.out_dir.name]
    assert setup.converted == ["summarization.summarizer"]

    problems = setup.problems()
    assert set(problems) == {"translation.engine", "summarization.cross_lingual"}
    gated = problems["translation.engine"]
    assert INDICTRANS2 in gated and "gated repository" in gated and "HF_TOKEN" in gated
    full = problems["summarization.cross_lingual"]
    assert CROSSSUM in full and "no space left" in full and "SUMMARIZE_MODELS_DIR" in full
    for message in problems.values():
        assert "SUMMARIZE_CONFIG=default" in message
    # the model check names the same reasons; the config stays fast-cpu and cannot run
    assert checks["translation.engine"] == gated
    assert checks["summarization.cross_lingual"] == full
    assert checks["summarization.summarizer"] is None
    assert not can_run_config(state, first)
    html = banner_html(state, first)
    assert "config &#x27;fast-cpu&#x27;" in html or "config 'fast-cpu'" in html
    assert "HF_TOKEN" in html and "SUMMARIZE_CONFIG=default" in html
    assert "gated repository" in html


def test_unreachable_hub_is_named(tmp_path: Path, tiny_indictrans2: Path, tiny_mt5: Path) -> None:
    hub = _hub(tmp_path / "hub", tiny_indictrans2, tiny_mt5, unreachable=tuple(KEYS.values()))
    setup = FastSetup(tmp_path / "models", fetch=hub)
    setup.run()
    assert not any(setup.target.iterdir())
    for key, source in KEYS.items():
        message = setup.problems()[key]
        assert source in message and "ConnectError" in message and "Hub is reachable" in message


# --- app.py --------------------------------------------------------------------------------------


def _launch_spy(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    pytest.importorskip("gradio")
    import summarize.app.layout as layout

    got: dict[str, Any] = {}

    def launch(config: Any = None, **kw: Any) -> None:
        got.update(config=config, **kw)

    monkeypatch.setattr(layout, "launch", launch)
    return got


def _app() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("space_test_app", REPO / "app.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_app_py_on_a_space_serves_the_converted_fast_cpu(
    converted: tuple[FastSetup, FakeHub], monkeypatch: pytest.MonkeyPatch
) -> None:
    setup, _ = converted
    got = _launch_spy(monkeypatch)
    monkeypatch.delenv("SUMMARIZE_CONFIG", raising=False)
    monkeypatch.setenv("SPACE_ID", "user/summarize")
    monkeypatch.setenv("SUMMARIZE_MODELS_DIR", str(setup.target))
    assert _app().main(["--host", "127.0.0.1", "--port", "7999"]) == 0
    startup = got["startup"]
    assert isinstance(startup, FastSetup) and startup.pending() == []
    assert got["config"] == setup.config and got["host"] == "127.0.0.1"


def test_app_py_with_summarize_config_does_no_setup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = _launch_spy(monkeypatch)
    monkeypatch.setenv("SPACE_ID", "user/summarize")
    monkeypatch.setenv("SUMMARIZE_CONFIG", "offline")
    monkeypatch.setenv("SUMMARIZE_MODELS_DIR", str(tmp_path / "models"))
    app = _app()
    assert app.main([]) == 0
    assert got["startup"] is None and got["config"] is None  # launch reads SUMMARIZE_CONFIG
    assert not (tmp_path / "models").exists()
    with pytest.raises(SystemExit):
        app.parse_args(["--fast-setup", "--config", "default"])
    assert app.parse_args(["--fast-setup"]).fast_setup


class _IdlePipeline:
    """A pipeline for the page-load tests: every model present, nothing to run."""

    def __init__(self, cfg: Any) -> None:
        pass

    def check_models(self) -> dict[str, str | None]:
        return {"embeddings": None}

    def run_iter(self, *a: Any, **kw: Any) -> Any:
        return iter(())


def test_build_app_runs_the_setup_in_the_background_check(
    converted: tuple[FastSetup, FakeHub],
) -> None:
    pytest.importorskip("gradio")
    from summarize.app.layout import build_app

    setup, _ = converted
    again = FastSetup(setup.target, fetch=FakeHub(setup.target, {}))

    demo = build_app(
        setup.config, pipeline_factory=_IdlePipeline, startup=again, check_models_at_start=False
    )
    state = demo.summarize_state  # type: ignore[attr-defined]
    assert state.startup is again and state.initial == "fast-cpu"
    assert state.check_models("fast-cpu") == {"embeddings": None}
    assert state.startup_progress("fast-cpu") is None


class _Gate(FastSetup):
    """A startup task that "converts" until the test opens it (no sleeps, no timing); the
    progress and its waiting are FastSetup's own."""

    def __init__(self, target: Path) -> None:
        import threading

        super().__init__(target)
        self._open = threading.Event()
        self._set(f"{CONVERTING} Model 1 of 3: {INDICTRANS2} (downloading)")

    def run(self) -> None:
        self._open.wait(60)
        self._set(None)

    def open(self) -> None:
        self._open.set()


def test_page_load_shows_the_progress_then_the_model_check(tmp_path: Path) -> None:
    """The banner's page-load event: the conversion's progress (Run disabled) while it runs,
    then the usual model check."""
    pytest.importorskip("gradio")
    from summarize.app.layout import build_app

    gate = _Gate(tmp_path / "models")
    demo = build_app({"name": "gated-start"}, pipeline_factory=_IdlePipeline, startup=gate)
    (on_load,) = [f.fn for f in demo.fns.values() if getattr(f.fn, "__name__", "") == "on_load"]
    updates = on_load("gated-start")
    banner, run_btn, _ = next(updates)
    assert CONVERTING in banner and "Model 1 of 3" in banner and INDICTRANS2 in banner
    assert run_btn["interactive"] is False
    gate.open()
    *_, (banner, run_btn, _) = list(updates)
    assert "All models of this config are available" in banner and CONVERTING not in banner
    assert run_btn["interactive"] is True
