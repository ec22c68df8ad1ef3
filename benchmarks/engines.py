"""Engine speed and memory on real-sized models: transformers fp32 / dynamic int8 vs CTranslate2 int8.

The models are rebuilt with random weights from their published configs
(:mod:`benchmarks.real_configs`: opus-mt-hi-en, NLLB-200-distilled-600M, mT5-base -- the
XL-Sum/CrossSum shape), saved with a tokenizer of the published size (a SentencePiece model
trained on the seeds, padded with filler entries to the published vocabulary size, so that
CTranslate2 conversion -- through :func:`summarize.engines.ctranslate2.convert.convert_model`, as users run it --
sees the real vocabulary), and converted to CTranslate2 int8 once (cached in ``--work``).

Work is equal across engines: the same ``--inputs`` source sequences of exactly
``--in-tokens`` tokens (FLORES-200 dev Hindi, tokenised and cut into windows), and every
hypothesis forced to exactly ``--new-tokens`` output tokens (transformers
``min_new_tokens = max_new_tokens``; CTranslate2 ``min_decoding_length = max_decoding_length``),
because random weights do not know when to stop.  Same beam size and thread count
everywhere.  Each variant runs in its own process; peak RSS is that process's ``ru_maxrss``
(runtime + model; read as ``VmHWM`` from ``/proc/self/status`` -- ``ru_maxrss`` would
carry over the parent's high-water mark across ``exec``).  Models are built in a separate
process too, so the driver stays small.  tokens/s counts output tokens of the returned hypothesis per second,
the median of ``--runs`` timed runs after a short warm-up.  Ratios are against transformers
fp32 of the same model in the same invocation.

Variants: ``hf-fp32`` and ``hf-int8`` (:class:`~summarize.engines.hf_seq2seq.HFSeq2SeqEngine`
with ``dtype`` float32 / int8 = ``torch.ao.quantization.quantize_dynamic`` on the linear
layers), ``ct2-int8`` (:class:`~summarize.engines.ctranslate2.CTranslate2Engine`,
``intra_threads`` = ``--threads``), and for the 250k-vocabulary models ``ct2-int8-vmap``:
the same with ``use_vmap``, the output layer restricted to a ``--vmap-size``-token vocabulary
(the tokens of the FLORES English side plus a fixed sample of the rest: the size a target
language's subset of a multilingual vocabulary has).  ``agree`` in the vmap row is the share
of inputs whose output equals ``ct2-int8``'s -- on random weights this measures only how
often the restricted softmax changes an argmax, not translation quality.

Measured on this 2-core machine (2026-11-21; other jobs were running, load average 1-7, so
absolute figures are noisy; ratios are within one invocation), default settings, beam 4:

    | model                  | engine         | tok/s | vs hf-fp32 | peak RSS MB | RSS vs fp32 |
    |------------------------|----------------|------:|-----------:|------------:|------------:|
    | opus-mt-hi-en          | hf-fp32        | 127.5 |      1.00x |        1088 |           1 |
    | opus-mt-hi-en          | hf-int8        | 182.7 |      1.43x |        1195 |      1/0.91 |
    | opus-mt-hi-en          | ct2-int8       | 229.1 |      1.80x |         556 |      1/1.96 |
    | nllb-200-distilled-600M| hf-fp32        |   5.0 |      1.00x |        4229 |           1 |
    | nllb-200-distilled-600M| hf-int8        |  10.3 |      2.06x |        6391 |      1/0.66 |
    | nllb-200-distilled-600M| ct2-int8       |  28.8 |      5.76x |        1659 |      1/2.55 |
    | nllb-200-distilled-600M| ct2-int8-vmap  |  46.1 |      9.22x |        1542 |      1/2.74 |
    | mt5-base (XL-Sum)      | hf-fp32        |   9.9 |      1.00x |        3318 |           1 |
    | mt5-base (XL-Sum)      | hf-int8        |   5.2 |      0.53x |        5912 |      1/0.56 |
    | mt5-base (XL-Sum)      | ct2-int8       |  37.1 |      3.75x |        1595 |      1/2.08 |
    | mt5-base (XL-Sum)      | ct2-int8-vmap  |  89.4 |      9.03x |        1461 |      1/2.27 |

(Marian row from a second run on a quiet machine; the first gave 1.85x.  vmap rows: 24,000
allowed tokens; on random weights 0/16 outputs equal ct2-int8's.)  The full run takes ~30
minutes here, most of it transformers fp32/int8 on NLLB and mT5; ``--quick`` does ~6x less
decoding work (4.5 minutes here, builds cached) -- a smoke run: with 8 short inputs and 16
new tokens, load and per-call overheads dominate and its ratios are not representative.

    .venv/bin/python -m benchmarks.engines                 # full run (builds ~5 GB once)
    .venv/bin/python -m benchmarks.engines --quick         # 8 inputs x 24 tokens, 16 new tokens
    .venv/bin/python -m benchmarks.engines --models nllb --beams 4 1
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.real_configs import REAL_CONFIGS  # noqa: E402

FILLER = "\u2581\u2063f{}"  # '▁' + invisible separator: never produced by tokenising real text
VARIANTS = ("hf-fp32", "hf-int8", "ct2-int8", "ct2-int8-vmap")


# --- building the real-sized random models ---------------------------------------------


def _fillers(n: int, taken: set[str]) -> list[str]:
    out, i = [], 0
    while len(out) < n:
        tok = FILLER.format(i)
        if tok not in taken:
            out.append(tok)
        i += 1
    return out


def _texts() -> list[str]:
    from summarize.testing.tiny import training_texts

    return training_texts(REPO)


def _build_tokenizer(family: str, out: Path, size: int) -> Any:
    """A tokenizer of the published layout whose ``len`` is the published vocabulary size."""
    import warnings

    from summarize.testing.tiny import train_sentencepiece

    tmp = out / "_spm"
    tmp.mkdir(parents=True, exist_ok=True)
    if family == "marian":
        from transformers import MarianTokenizer

        spm = train_sentencepiece(
            out / "source.spm", _texts(), 4000, unk_id=1, eos_id=0, bos_id=-1, pad_id=-1
        )
        (out / "target.spm").write_bytes(spm.read_bytes())
        import sentencepiece

        sp = sentencepiece.SentencePieceProcessor(model_file=str(spm))
        pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
        pieces += _fillers(size - 1 - len(pieces), set(pieces))
        vocab = {p: i for i, p in enumerate(pieces)}
        vocab["<pad>"] = len(vocab)
        (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tok = MarianTokenizer(
                str(out / "source.spm"), str(out / "target.spm"), str(out / "vocab.json")
            )
    elif family == "nllb":
        from transformers import NllbTokenizer

        train_sentencepiece(
            tmp / "sentencepiece.bpe.model", _texts(), 4000, "bpe", unk_id=0, bos_id=1, eos_id=2
        )
        small = NllbTokenizer.from_pretrained(tmp)
        state = json.loads(small.backend_tokenizer.to_str())
        vocab: dict[str, int] = dict(state["model"]["vocab"])
        merges = [
            tuple(m) if isinstance(m, list) else tuple(m.split(" ", 1))
            for m in state["model"]["merges"]
        ]
        base = dict(vocab)
        n_fill = size - len(small)
        for _ in range(2):  # the special tokens' share of len() is measured, not assumed
            vocab = dict(base)
            for tok_ in _fillers(n_fill, set(vocab)):
                vocab[tok_] = len(vocab)
            tok = NllbTokenizer(
                vocab=vocab, merges=merges, src_lang="hin_Deva", tgt_lang="eng_Latn"
            )
            n_fill -= len(tok) - size
    elif family == "mt5":
        from transformers import T5Tokenizer

        train_sentencepiece(
            tmp / "spiece.model", _texts(), 4000, unk_id=2, eos_id=1, pad_id=0, bos_id=-1
        )
        small = T5Tokenizer.from_pretrained(tmp, extra_ids=0)
        pieces = [tuple(x) for x in json.loads(small.backend_tokenizer.to_str())["model"]["vocab"]]
        pieces += [(f, -100.0) for f in _fillers(size - len(pieces), {p for p, _ in pieces})]
        tok = T5Tokenizer(vocab=pieces, extra_ids=0)
    else:
        raise ValueError(family)
    if len(tok) != size:
        raise RuntimeError(f"{family}: tokenizer has {len(tok)} entries, wanted {size}")
    tok.save_pretrained(out)
    return tok


def build(name: str, work: Path) -> tuple[Path, Path]:
    """(transformers dir, CTranslate2 int8 dir with vmap.txt) of model ``name``, built once."""
    import torch

    from summarize.engines.ctranslate2.convert import convert_model, write_vmap
    from summarize.engines.hf_seq2seq import quiet_loading

    spec = REAL_CONFIGS[name]
    hf_dir, ct2_dir = work / name, work / f"{name}-ct2-int8"
    done = hf_dir / ".built"
    if not done.is_file():
        import shutil

        if hf_dir.exists():
            shutil.rmtree(hf_dir)
        hf_dir.mkdir(parents=True)
        t0 = time.perf_counter()
        tok = _build_tokenizer(spec["family"], hf_dir, spec["tokenizer_size"])
        torch.manual_seed(0)
        with quiet_loading():
            if spec["family"] == "marian":
                from transformers import MarianConfig, MarianMTModel

                model = MarianMTModel(MarianConfig(**spec["config"]))
                gc = model.generation_config
                gc.bad_words_ids, gc.forced_eos_token_id, gc.num_beams = (
                    [[spec["config"]["pad_token_id"]]],
                    0,
                    4,
                )
            elif spec["family"] == "nllb":
                from transformers import M2M100Config, M2M100ForConditionalGeneration

                model = M2M100ForConditionalGeneration(M2M100Config(**spec["config"]))
            else:
                from transformers import MT5Config, MT5ForConditionalGeneration

                cfg = MT5Config(**spec["config"])
                model = MT5ForConditionalGeneration(cfg)
                model.lm_head.weight = torch.nn.Parameter(
                    torch.randn(cfg.vocab_size, cfg.d_model) * cfg.d_model**-0.5
                )
            model.save_pretrained(hf_dir)
        if spec["family"] == "mt5":
            path = hf_dir / "config.json"
            data = json.loads(path.read_text())
            data["tie_word_embeddings"] = False
            path.write_text(json.dumps(data, indent=2))
        del model
        eng = [
            ln.strip()
            for ln in (REPO / "data/flores200-dev/flores-dev.en")
            .read_text(encoding="utf-8")
            .splitlines()
        ]
        write_vmap(tok, eng, hf_dir / "vmap-base.txt", copy_source_tokens=False)
        done.write_text("ok\n")
        print(f"# built {name} in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    if not (ct2_dir / "model.bin").is_file():
        t0 = time.perf_counter()
        convert_model(str(hf_dir), ct2_dir, quantization="int8", force=True)
        print(f"# converted {name} in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    return hf_dir, ct2_dir


def write_sized_vmap(hf_dir: Path, ct2_dir: Path, size: int) -> int:
    """vmap.txt in ``ct2_dir``: the English-corpus tokens plus a fixed sample up to ``size``."""
    base = (
        (hf_dir / "vmap-base.txt")
        .read_text(encoding="utf-8")
        .splitlines()[0]
        .split("\t")[1]
        .split()
    )
    vocab = json.loads((ct2_dir / "shared_vocabulary.json").read_text(encoding="utf-8"))
    allowed = list(dict.fromkeys(base))
    rest = [t for t in vocab if t not in set(allowed)]
    random.Random(0).shuffle(rest)
    allowed += rest[: max(0, size - len(allowed))]
    (ct2_dir / "vmap.txt").write_text("\t" + " ".join(allowed) + "\n", encoding="utf-8")
    return len(allowed)


# --- one variant, in its own process ---------------------------------------------------


def peak_rss_mb() -> float:
    """This process's peak resident set size (VmHWM; ru_maxrss where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def make_inputs(tokenizer: Any, family: str, n: int, length: int) -> list[list[int]]:
    """``n`` id sequences of exactly ``length`` tokens (text ids, then EOS; NLLB: tag first)."""
    lines = (REPO / "data/flores200-dev/flores-dev.hi").read_text(encoding="utf-8").splitlines()
    stream: list[int] = []
    for ln in lines:
        stream += tokenizer(ln, add_special_tokens=False)["input_ids"]
        if len(stream) > n * length:
            break
    lead = [tokenizer.convert_tokens_to_ids("hin_Deva")] if family == "nllb" else []
    body = length - len(lead) - 1
    return [lead + stream[i * body : (i + 1) * body] + [tokenizer.eos_token_id] for i in range(n)]


def run_variant(args: argparse.Namespace) -> dict[str, Any]:
    name, variant, beams = args.model, args.variant, args.beam
    spec = REAL_CONFIGS[name]
    family = spec["family"]
    hf_dir, ct2_dir = Path(args.dirs[0]), Path(args.dirs[1])
    n_new = args.new_tokens
    from summarize.engines.hf_seq2seq import load_hf_tokenizer

    tok = load_hf_tokenizer(hf_dir, "hin_Deva", "eng_Latn")
    ids = make_inputs(tok, family, args.inputs, args.in_tokens)
    if variant.startswith("hf-"):
        import torch

        from summarize.engines.hf_seq2seq import HFSeq2SeqEngine

        torch.set_num_threads(args.threads)
        eng = HFSeq2SeqEngine(
            str(hf_dir), dtype="float32" if variant == "hf-fp32" else "int8", tgt_lang="eng_Latn"
        )
        model = eng.model
        input_ids = torch.tensor(ids)
        mask = torch.ones_like(input_ids)
        forced = eng.forced_bos_token_id()

        def once(k: int = len(ids), new: int = n_new) -> list[list[int]]:
            kw: dict[str, Any] = {
                "num_beams": beams,
                "do_sample": False,
                "min_new_tokens": new,
                "max_new_tokens": new,
            }
            if forced is not None:
                kw["forced_bos_token_id"] = forced
            with torch.inference_mode():
                out = model.generate(input_ids=input_ids[:k], attention_mask=mask[:k], **kw)
            return [row[1:].tolist() for row in out]  # drop the decoder start token

    else:
        from summarize.engines.ctranslate2 import CTranslate2Engine

        vmap = variant.endswith("vmap")
        eng = CTranslate2Engine(
            str(ct2_dir),
            dtype="int8",
            intra_threads=args.threads,
            use_vmap=vmap,
            tgt_lang="eng_Latn",
        )
        translator = eng.translator
        tokens = [tok.convert_ids_to_tokens(x) for x in ids]
        prefix = [["eng_Latn"]] * len(ids) if family == "nllb" else None

        def once(k: int = len(ids), new: int = n_new) -> list[list[int]]:
            res = translator.translate_batch(
                tokens[:k],
                target_prefix=prefix[:k] if prefix else None,
                beam_size=beams,
                min_decoding_length=new,
                max_decoding_length=new,
                use_vmap=vmap,
                max_input_length=0,
            )
            return [tok.convert_tokens_to_ids(r.hypotheses[0]) for r in res]

    once(2, 4)  # warm-up: allocations, thread pools, lazy init
    times, outs = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        outs = once()
        times.append(time.perf_counter() - t0)
    n_tokens = sum(len(o) for o in outs)
    sec = statistics.median(times)
    return {
        "model": name,
        "variant": variant,
        "beams": beams,
        "output_tokens": n_tokens,
        "median_s": round(sec, 3),
        "tokens_per_s": round(n_tokens / sec, 1),
        "runs_s": [round(t, 3) for t in times],
        "peak_rss_mb": peak_rss_mb(),
        "outputs": outs,
    }


# --- driver ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--models", nargs="+", default=list(REAL_CONFIGS), choices=list(REAL_CONFIGS))
    p.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=VARIANTS)
    p.add_argument(
        "--beams",
        nargs="+",
        type=int,
        default=None,
        help="beam sizes (default: each model's production beam, 4)",
    )
    p.add_argument("--inputs", type=int, default=16)
    p.add_argument("--in-tokens", type=int, default=40)
    p.add_argument("--new-tokens", type=int, default=48)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--vmap-size", type=int, default=24000)
    p.add_argument("--quick", action="store_true", help="8 inputs of 24 tokens, 16 new tokens")
    p.add_argument("--work", default=str(REPO / ".cache" / "bench-engines"))
    p.add_argument("--json", help="also write all rows to this file")
    # child-process arguments
    p.add_argument("--model", help=argparse.SUPPRESS)
    p.add_argument("--variant", help=argparse.SUPPRESS)
    p.add_argument("--beam", type=int, help=argparse.SUPPRESS)
    p.add_argument("--dirs", nargs=2, help=argparse.SUPPRESS)
    p.add_argument("--build", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.quick:
        args.inputs, args.in_tokens, args.new_tokens = 8, 24, 16

    if args.variant:  # child
        print(json.dumps(run_variant(args)))
        return 0
    if args.build:  # child
        hf_dir, ct2_dir = build(args.build, Path(args.work))
        print(json.dumps([str(hf_dir), str(ct2_dir)]))
        return 0

    work = Path(args.work)
    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    for name in args.models:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.engines", "--build", name, "--work", str(work)],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            sys.stderr.write(done.stderr[-3000:])
            notes.append(f"{name}: build failed")
            continue
        sys.stderr.write(done.stderr)
        hf_dir, ct2_dir = (Path(x) for x in json.loads(done.stdout.strip().splitlines()[-1]))
        vmap_size = write_sized_vmap(hf_dir, ct2_dir, args.vmap_size) if name != "marian" else 0
        beams_list = args.beams or [REAL_CONFIGS[name]["production"]["num_beams"]]
        for beams in beams_list:
            for variant in args.variants:
                if variant == "ct2-int8-vmap" and name == "marian":
                    continue  # 62k vocabulary: nothing to gain
                cmd = [
                    sys.executable,
                    "-m",
                    "benchmarks.engines",
                    "--model",
                    name,
                    "--variant",
                    variant,
                    "--beam",
                    str(beams),
                    "--dirs",
                    str(hf_dir),
                    str(ct2_dir),
                ]
                for flag in ("inputs", "in_tokens", "new_tokens", "runs", "threads"):
                    cmd += [f"--{flag.replace('_', '-')}", str(getattr(args, flag))]
                env = {**os.environ, "OMP_NUM_THREADS": str(args.threads), "HF_HUB_OFFLINE": "1"}
                done = subprocess.run(
                    cmd, cwd=REPO, capture_output=True, text=True, env=env, check=False
                )
                if done.returncode != 0:
                    sys.stderr.write(done.stderr[-3000:])
                    notes.append(f"{name} {variant} beam {beams}: failed")
                    continue
                row = json.loads(done.stdout.strip().splitlines()[-1])
                row["vmap_size"] = vmap_size if variant.endswith("vmap") else None
                rows.append(row)
                print(
                    f"# {name} {variant} beam {beams}: {row['tokens_per_s']} tok/s, {row['peak_rss_mb']} MB",
                    file=sys.stderr,
                )

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"Engines on {os.cpu_count()} CPUs (load average at the end: {load}), {args.threads} threads; "
        "random weights in the published shapes; "
        f"{args.inputs} inputs of {args.in_tokens} tokens, {args.new_tokens} output tokens forced; "
        f"median of {args.runs} runs\n"
    )
    print(
        "| model | beams | engine | tokens/s | speed-up vs hf-fp32 | peak RSS MB | RSS vs hf-fp32 | outputs = ct2-int8 |"
    )
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    for r in rows:
        base = next(
            (
                b
                for b in rows
                if b["model"] == r["model"]
                and b["beams"] == r["beams"]
                and b["variant"] == "hf-fp32"
            ),
            None,
        )
        ct = next(
            (
                b
                for b in rows
                if b["model"] == r["model"]
                and b["beams"] == r["beams"]
                and b["variant"] == "ct2-int8"
            ),
            None,
        )
        speed = f"{r['tokens_per_s'] / base['tokens_per_s']:.2f}x" if base else "-"
        rss = f"1/{base['peak_rss_mb'] / r['peak_rss_mb']:.2f}" if base else "-"
        agree = "-"
        if r["variant"] == "ct2-int8-vmap" and ct:
            same = sum(a == b for a, b in zip(r["outputs"], ct["outputs"], strict=False))
            agree = f"{same}/{len(r['outputs'])}"
        label = r["variant"] + (f" ({r['vmap_size']} tokens)" if r.get("vmap_size") else "")
        print(
            f"| {REAL_CONFIGS[r['model']]['hub_id'].split(' ')[0]} | {r['beams']} | {label} | {r['tokens_per_s']} | {speed} | {r['peak_rss_mb']} | {rss} | {agree} |"
        )
    for n in notes:
        print(f"\n{n}")
    if args.json:
        Path(args.json).write_text(
            json.dumps([{k: v for k, v in r.items() if k != "outputs"} for r in rows], indent=2)
            + "\n"
        )
    return 1 if notes else 0


if __name__ == "__main__":
    raise SystemExit(main())
