"""Shared test fixtures: paths to the repo's data, and tiny models built once per session.

The tiny-model builders live in :mod:`summarize.testing` so that the app's test config and
the benchmarks can use them too.  Each fixture builds its model on first use only.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
FLORES = REPO / "data" / "flores200-dev"

# No test may touch the network: make any Hub access fail fast and offline.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def flores_dir() -> Path:
    return FLORES


@pytest.fixture(scope="session")
def tiny_models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("tiny-models")


@pytest.fixture(scope="session")
def tiny_texts() -> list[str]:
    """What the tiny tokenizers are trained on: this repository's seeds and FLORES-200 dev."""
    from summarize.testing.tiny import training_texts

    return training_texts(REPO)


@pytest.fixture(scope="session")
def tiny_marian(tiny_models_dir: Path, tiny_texts: list[str]) -> Path:
    from summarize.testing.tiny import build_tiny_marian

    return build_tiny_marian(tiny_models_dir / "marian", texts=tiny_texts)


@pytest.fixture(scope="session")
def tiny_nllb(tiny_models_dir: Path, tiny_texts: list[str]) -> Path:
    from summarize.testing.tiny import build_tiny_m2m100

    return build_tiny_m2m100(tiny_models_dir / "nllb", texts=tiny_texts)


@pytest.fixture(scope="session")
def tiny_mt5(tiny_models_dir: Path, tiny_texts: list[str]) -> Path:
    from summarize.testing.tiny import build_tiny_mt5

    return build_tiny_mt5(tiny_models_dir / "mt5", texts=tiny_texts)


@pytest.fixture(scope="session")
def tiny_indictrans2(tiny_models_dir: Path, tiny_texts: list[str]) -> Path:
    from summarize.testing.tiny_indictrans2 import build_tiny_indictrans2

    return build_tiny_indictrans2(tiny_models_dir / "indictrans2", texts=tiny_texts)


@pytest.fixture(scope="session")
def tiny_indictrans2_untied(tiny_models_dir: Path, tiny_texts: list[str]) -> Path:
    """The 1B checkpoints' layout: a separate output projection, no layernorm_embedding."""
    from summarize.testing.tiny_indictrans2 import build_tiny_indictrans2

    return build_tiny_indictrans2(
        tiny_models_dir / "indictrans2-untied",
        seed=1,
        texts=tiny_texts,
        share_decoder_input_output_embed=False,
        layernorm_embedding=False,
    )
