"""The mT5 conversion trap at real size: CTranslate2's own conversion vs ours.

On transformers 5.x ``MT5Config`` reports ``tie_word_embeddings=True`` for every checkpoint,
and CTranslate2's T5 loader then scales the decoder output by ``d_model**-0.5``, which
transformers does not do.  This script rebuilds the mT5-base shape (random weights, untied
output layer, as XL-Sum/CrossSum; built by ``benchmarks.engines``), converts it to float32
twice -- with ``ctranslate2.converters.TransformersConverter`` as is, and with
:func:`summarize.engines.ctranslate2.convert.convert_model` -- and compares each with transformers fp32 on the
same inputs: beam-search output tokens (beam 4, length_penalty 0.6, forced length) and
per-token log-probabilities of the transformers output.

    .venv/bin/python -m benchmarks.mt5_conversion [--inputs 4] [--new-tokens 24]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--inputs", type=int, default=4)
    p.add_argument("--in-tokens", type=int, default=32)
    p.add_argument("--new-tokens", type=int, default=24)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--work", default=str(REPO / ".cache" / "bench-engines"))
    args = p.parse_args(argv)

    import ctranslate2
    import torch
    from ctranslate2.converters import TransformersConverter

    from benchmarks.engines import build, make_inputs
    from summarize.engines.ctranslate2.convert import convert_model
    from summarize.engines.hf_seq2seq import HFSeq2SeqEngine, load_hf_tokenizer, quiet_loading

    torch.set_num_threads(args.threads)
    work = Path(args.work)
    hf_dir, _ = build("mt5", work)
    plain, ours = work / "mt5-ct2-fp32-plain", work / "mt5-ct2-fp32-ours"
    if not (plain / "model.bin").is_file():
        with quiet_loading():
            TransformersConverter(str(hf_dir)).convert(
                str(plain), quantization="float32", force=True
            )
    if not (ours / "model.bin").is_file():
        convert_model(str(hf_dir), ours, quantization="float32", force=True)

    tok = load_hf_tokenizer(hf_dir)
    ids = make_inputs(tok, "mt5", args.inputs, args.in_tokens)
    n = args.new_tokens
    model = HFSeq2SeqEngine(str(hf_dir)).model
    x = torch.tensor(ids)
    with torch.inference_mode():
        out = model.generate(
            input_ids=x,
            attention_mask=torch.ones_like(x),
            num_beams=4,
            length_penalty=0.6,
            min_new_tokens=n,
            max_new_tokens=n,
            do_sample=False,
        )
        hyps = [row[1:].tolist() for row in out]
        logp = torch.log_softmax(
            model(input_ids=x, decoder_input_ids=out[:, :-1]).logits.float(), -1
        )
    hf_lp = [[float(logp[i, j, t]) for j, t in enumerate(h)] for i, h in enumerate(hyps)]
    src_tokens = [tok.convert_ids_to_tokens(i) for i in ids]
    print(
        f"mT5-base shape, random weights, {args.inputs} inputs of {args.in_tokens} tokens, beam 4, "
        f"length_penalty 0.6, {n} tokens forced\n"
    )
    print(
        "| conversion | decoder scale_outputs | beam tokens equal to transformers | max abs log-prob diff |"
    )
    print("|---|---|---:|---:|")
    for label, path in (
        ("TransformersConverter as is", plain),
        ("summarize.engines.ctranslate2.convert", ours),
    ):
        tr = ctranslate2.Translator(str(path), compute_type="float32", intra_threads=args.threads)
        res = tr.translate_batch(
            src_tokens,
            beam_size=4,
            length_penalty=0.6,
            min_decoding_length=n,
            max_decoding_length=n,
            max_input_length=0,
        )
        ct_hyps = [tok.convert_tokens_to_ids(r.hypotheses[0]) for r in res]
        same = sum(
            a == b for h, c in zip(hyps, ct_hyps, strict=True) for a, b in zip(h, c, strict=False)
        )
        total = sum(len(h) for h in hyps)
        scores = tr.score_batch(
            src_tokens, [tok.convert_ids_to_tokens(h[:-1]) for h in hyps], max_input_length=0
        )
        diffs = [
            abs(a - b)
            for s, h in zip(scores, hf_lp, strict=True)
            for a, b in zip(s.log_probs[:-1], h[:-1], strict=False)
        ]
        scaled = "d_model**-0.5" if label.startswith("Transformers") else "none (fixed)"
        print(f"| {label} | {scaled} | {same}/{total} | {max(diffs):.3g} |")
    shutil.rmtree(plain, ignore_errors=True)  # 2 x 2.3 GB
    shutil.rmtree(ours, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
