"""IndicTrans2 dist-200M shape: transformers fp32 (our implementation) vs CTranslate2 int8.

Random weights in the real ``ai4bharat/indictrans2-indic-en-dist-200M`` shape (its published
config.json, kept in ``tests/data/indictrans2_dist200m_keys.json``: 18+18 layers, 512 wide,
122,706 / 32,296 vocabularies, 228 M parameters), saved in the published layout and
converted with ``summarize.engines.indictrans2.convert``.  Random weights do not know when
to stop, so every hypothesis is forced to exactly ``--new-tokens`` tokens (transformers
``min_new_tokens = max_new_tokens``, CTranslate2 ``min/max_decoding_length``): both
backends then do the same work.  Each variant runs in its own process (peak RSS is that
process's ``ru_maxrss``: model + runtime); tokens/s is output tokens of the best hypothesis
per second, the median of ``--runs`` timed runs after one warm-up.

    python -m benchmarks.indictrans2                  # real size (builds ~1.8 GB once)
    python -m benchmarks.indictrans2 --tiny           # smoke test of the script
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KEYS = REPO / "tests" / "data" / "indictrans2_dist200m_keys.json"
SIZE_KEYS = (
    "encoder_embed_dim",
    "decoder_embed_dim",
    "encoder_layers",
    "decoder_layers",
    "encoder_attention_heads",
    "decoder_attention_heads",
    "encoder_ffn_dim",
    "decoder_ffn_dim",
    "encoder_vocab_size",
    "decoder_vocab_size",
)


def build(work: Path, tiny: bool) -> tuple[Path, Path]:
    from summarize.engines.indictrans2.convert import convert_indictrans2
    from summarize.testing.tiny import training_texts
    from summarize.testing.tiny_indictrans2 import build_tiny_indictrans2

    name = "tiny" if tiny else "dist200m"
    sizes = {} if tiny else {k: json.loads(KEYS.read_text())["config"][k] for k in SIZE_KEYS}
    model_dir = build_tiny_indictrans2(work / name, texts=training_texts(REPO), **sizes)
    ct2_dir = work / f"{name}-ct2-int8"
    bin_file, weights = ct2_dir / "model.bin", model_dir / "model.safetensors"
    if not bin_file.is_file() or bin_file.stat().st_mtime < weights.stat().st_mtime:
        convert_indictrans2(model_dir, ct2_dir, quantization="int8", force=True)
    return model_dir, ct2_dir


def sources(n: int) -> list[str]:
    path = REPO / "data" / "flores200-dev" / "flores-dev.hi"
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()][:n]


def run_variant(variant: str, model_dir: str, ct2_dir: str, args: argparse.Namespace) -> dict:
    """One variant in this process: load, warm up, time ``args.runs`` runs."""
    texts = sources(args.sentences)
    n = args.new_tokens
    if variant == "transformers-fp32":
        import torch

        from summarize.engines.indictrans2.engine import IndicTrans2Engine

        torch.set_num_threads(args.threads)
        engine = IndicTrans2Engine(model=model_dir, dtype="float32").load()
        tokens, _ = engine.codec.prepare(texts)

        def once() -> int:
            out = engine.generate_tokens(
                tokens, num_beams=args.beams, min_new_tokens=n, max_new_tokens=n, max_length=None
            )
            return sum(len(t) for t in out)

    elif variant == "ctranslate2-int8":
        import ctranslate2

        from summarize.engines.indictrans2.codec import IndicTrans2Codec

        translator = ctranslate2.Translator(
            ct2_dir, device="cpu", compute_type="int8", intra_threads=args.threads
        )
        tokens, _ = IndicTrans2Codec(ct2_dir).prepare(texts)

        def once() -> int:
            res = translator.translate_batch(
                tokens,
                beam_size=args.beams,
                min_decoding_length=n,
                max_decoding_length=n,
                max_batch_size=args.sentences,
            )
            return sum(len(r.hypotheses[0]) for r in res)

    else:
        raise ValueError(variant)
    once()  # warm-up
    times, counts = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        counts.append(once())
        times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    return {
        "variant": variant,
        "sentences": len(texts),
        "output_tokens": counts[0],
        "median_s": round(seconds, 3),
        "tokens_per_s": round(counts[0] / seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "runs_s": [round(t, 3) for t in times],
    }


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tiny", action="store_true", help="tiny shape (checks the script in seconds)")
    p.add_argument("--work", default=str(REPO / ".cache" / "bench-indictrans2"))
    p.add_argument("--sentences", type=int, default=8)
    p.add_argument("--new-tokens", type=int, default=32)
    p.add_argument("--beams", type=int, default=5)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    p.add_argument("--json", help="also write the rows to this file")
    p.add_argument("--variant", help=argparse.SUPPRESS)
    p.add_argument("--dirs", nargs=2, help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.variant:  # child process
        print(json.dumps(run_variant(args.variant, args.dirs[0], args.dirs[1], args)))
        return

    model_dir, ct2_dir = build(Path(args.work), args.tiny)
    rows = []
    for variant in ("transformers-fp32", "ctranslate2-int8"):
        cmd = [
            sys.executable,
            "-m",
            "benchmarks.indictrans2",
            "--variant",
            variant,
            "--dirs",
            str(model_dir),
            str(ct2_dir),
        ]
        for flag in ("sentences", "new_tokens", "beams", "runs", "threads"):
            cmd += [f"--{flag.replace('_', '-')}", str(getattr(args, flag))]
        done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            raise SystemExit(f"{variant} failed")
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))

    shape = "tiny" if args.tiny else "dist-200M shape (random weights)"
    print(
        f"IndicTrans2 {shape}, {args.sentences} FLORES dev sentences, beam {args.beams}, "
        f"{args.new_tokens} forced output tokens, {args.threads} threads, median of {args.runs}"
    )
    print("| engine | tokens/s | median s | peak RSS MB |")
    print("|---|---:|---:|---:|")
    for r in rows:
        print(f"| {r['variant']} | {r['tokens_per_s']} | {r['median_s']} | {r['peak_rss_mb']} |")
    if len(rows) == 2 and rows[0]["tokens_per_s"]:
        print(
            f"speed-up CTranslate2 int8 / transformers fp32: {rows[1]['tokens_per_s'] / rows[0]['tokens_per_s']:.2f}x"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
