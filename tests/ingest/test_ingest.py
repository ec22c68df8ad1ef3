"""Reading articles: every supported form, stable ids, and every kind of bad input."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from summarize.ingest import decode_bytes, iter_articles, read_articles
from summarize.types import Article, SkippedInput

HINDI = "रूस और उत्तर कोरिया के नेताओं ने मुलाकात की। यह अहम है."


@pytest.fixture(autouse=True)
def _datasets_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # datasets writes its CSV/Parquet cache here instead of ~/.cache
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path_factory.mktemp("hf-datasets")))


def _write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _errors_by_where(errors: list[SkippedInput]) -> dict[str, str]:
    return {e.where: e.message for e in errors}


# ---- forms ---------------------------------------------------------------------------------


def test_txt_file_is_one_article(tmp_path: Path) -> None:
    p = _write(tmp_path / "kim-putin.txt", "शीर्षक\r\n\r\n" + HINDI + "\r\n")
    articles, errors = read_articles([p])
    assert errors == []
    [a] = articles
    assert a.id == "kim-putin"
    assert a.source == str(p)
    assert a.raw_text == "शीर्षक\n\n" + HINDI + "\n"  # only \r\n -> \n, nothing else


def test_single_path_and_str_accepted(tmp_path: Path) -> None:
    p = _write(tmp_path / "a.txt", HINDI)
    assert read_articles(p)[0][0].id == "a"
    assert read_articles(str(p))[0][0].id == "a"


def test_seeds_directory(seed_paths: list[Path], seeds_dir: Path) -> None:
    articles, errors = read_articles([seeds_dir])
    assert errors == []
    assert [a.id for a in articles] == [p.stem for p in seed_paths]
    assert all(len(a.raw_text) > 1000 for a in articles)


def test_nfc_normalisation(tmp_path: Path) -> None:
    # (Devanagari nukta letters stay decomposed under NFC: composition exclusions)
    decomposed = "Pe\u0301rez ने कहा: क\u093cिला"
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    p = _write(tmp_path / "n.txt", decomposed)
    [a] = read_articles([p])[0]
    assert a.raw_text == unicodedata.normalize("NFC", decomposed)


def test_jsonl_records_fields_and_meta(tmp_path: Path) -> None:
    recs = [
        {
            "id": "bs-1",
            "text": HINDI,
            "title": "किम",
            "source": "Business Standard",
            "url": "https://example.com/1",
            "date": "2023-09-13",
            "event": "kim-putin",
            "n": 3,
        },
        {"text": "दूसरा लेख।", "event": "kim-putin"},
    ]
    p = _write(
        tmp_path / "news.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n\n"
    )
    articles, errors = read_articles([p])
    assert errors == []
    a, b = articles
    assert (a.id, a.title, a.source, a.url, a.date) == (
        "bs-1",
        "किम",
        "Business Standard",
        "https://example.com/1",
        "2023-09-13",
    )
    assert a.meta == {"event": "kim-putin", "n": 3, "location": f"{p}:1"}
    assert b.id == "news#1"  # file stem + record index
    assert b.source == f"{p}:2"
    assert b.meta == {"event": "kim-putin"}


def test_json_single_object_list_and_wrapped(tmp_path: Path) -> None:
    one = _write(tmp_path / "one.json", json.dumps({"text": HINDI, "title": "t"}))
    many = _write(tmp_path / "many.json", json.dumps([{"text": "क।"}, {"text": "ख।", "id": 7}]))
    wrapped = _write(tmp_path / "wrapped.json", json.dumps({"articles": [{"text": "ग।"}]}))
    articles, errors = read_articles([one, many, wrapped])
    assert errors == []
    assert [a.id for a in articles] == ["one", "many#0", "7", "wrapped#0"]


def test_csv_and_parquet_via_datasets(tmp_path: Path) -> None:
    import datasets

    csv_path = _write(
        tmp_path / "news.csv",
        'id,title,text,event\n,पहला,"' + HINDI + '",e1\nx9,दूसरा,"123",e1\n',
    )
    datasets.Dataset.from_dict({"text": ["क।", "ख।"], "title": ["a", None]}).to_parquet(
        str(tmp_path / "more.parquet")
    )
    articles, errors = read_articles([csv_path, tmp_path / "more.parquet"])
    assert errors == []
    assert [a.id for a in articles] == ["news#0", "x9", "more#0", "more#1"]
    assert articles[0].raw_text == HINDI
    assert articles[1].raw_text == "123"  # a number-looking text stays a string
    assert articles[0].meta == {"event": "e1"}
    assert articles[3].title is None


def test_dataset_object_and_saved_dataset(tmp_path: Path) -> None:
    import datasets

    ds = datasets.Dataset.from_dict(
        {"text": [HINDI, "दूसरा।"], "title": ["t1", "t2"], "event": ["e", "e"]}
    )
    articles, errors = read_articles(ds)
    assert errors == []
    assert [a.source for a in articles] == ["dataset[0]", "dataset[1]"]
    assert articles[0].id.startswith("sha1-") and articles[0].id != articles[1].id
    # content hash ids are stable across calls
    assert read_articles(ds)[0][0].id == articles[0].id

    ds.save_to_disk(str(tmp_path / "saved"))
    datasets.DatasetDict({"train": ds}).save_to_disk(str(tmp_path / "saveddict"))
    articles, errors = read_articles([tmp_path / "saved", tmp_path / "saveddict"])
    assert errors == []
    assert [a.id for a in articles] == [
        "saved#0",
        "saved#1",
        "saveddict/train#0",
        "saveddict/train#1",
    ]
    assert articles[0].title == "t1" and articles[0].meta == {"event": "e"}


def test_directory_reads_supported_files_sorted(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", "ख।")
    _write(tmp_path / "a.jsonl", json.dumps({"text": "क।"}) + "\n")
    _write(tmp_path / "notes.md", "ignored")
    _write(tmp_path / ".hidden.txt", "ignored")
    articles, errors = read_articles([tmp_path])
    assert errors == []
    assert [a.id for a in articles] == ["a#0", "b"]


def test_duplicate_ids_made_unique(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    _write(tmp_path / "x" / "same.txt", "क।")
    _write(tmp_path / "y" / "same.txt", "ख।")
    articles, _ = read_articles([tmp_path / "x", tmp_path / "y"])
    assert [a.id for a in articles] == ["same", "same~2"]


def test_five_megabyte_article(tmp_path: Path) -> None:
    text = (HINDI + " ") * (5_000_000 // len(HINDI.encode("utf-8")) + 1)
    p = _write(tmp_path / "big.txt", text)
    assert p.stat().st_size > 5_000_000
    jl = _write(tmp_path / "big.jsonl", json.dumps({"text": text}, ensure_ascii=False) + "\n")
    articles, errors = read_articles([p, jl])
    assert errors == []
    assert [len(a.raw_text) for a in articles] == [len(text), len(text)]


def test_iter_articles_streams_in_order(tmp_path: Path) -> None:
    _write(tmp_path / "a.jsonl", '{"text": "क।"}\nbroken\n{"text": "ख।"}\n')
    items = list(iter_articles([tmp_path / "a.jsonl"]))
    assert [type(i) for i in items] == [Article, SkippedInput, Article]


# ---- encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoded",
    [
        HINDI.encode("utf-8"),
        b"\xef\xbb\xbf" + HINDI.encode("utf-8"),
        HINDI.encode("utf-16"),  # with BOM (little endian here)
        b"\xfe\xff" + HINDI.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_supported_encodings(tmp_path: Path, encoded: bytes) -> None:
    p = _write(tmp_path / "enc.txt", encoded)
    articles, errors = read_articles([p])
    assert errors == []
    assert articles[0].raw_text == HINDI


def test_utf16_jsonl_and_csv(tmp_path: Path) -> None:
    jl = _write(
        tmp_path / "u.jsonl",
        (json.dumps({"text": HINDI}, ensure_ascii=False) + "\n").encode("utf-16"),
    )
    cs = _write(tmp_path / "u.csv", ("text\n" + HINDI + "\n").encode("utf-16"))
    articles, errors = read_articles([jl, cs])
    assert errors == []
    assert [a.raw_text for a in articles] == [HINDI, HINDI]


def test_decode_bytes_reports_offset() -> None:
    from summarize.ingest import DecodeError

    with pytest.raises(DecodeError, match=r"0xe9 at offset 3"):
        decode_bytes("café".encode("latin-1"))


# ---- bad input -----------------------------------------------------------------------------


def test_bad_files_reported_and_others_read(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.txt", HINDI)
    empty = _write(tmp_path / "empty.txt", "")
    blank = _write(tmp_path / "blank.txt", "  \n\n ")
    binary = _write(
        tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    latin = _write(tmp_path / "latin1.txt", "Déjà vu, ça va".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    articles, errors = read_articles([empty, good, blank, binary, latin, missing])
    assert [a.id for a in articles] == ["good"]
    got = {Path(e.source).name: (e.where, e.message) for e in errors}
    assert got["empty.txt"] == ("file", "empty file")
    assert got["blank.txt"] == ("file", "empty file")
    assert got["image.txt"][1].startswith("binary file")
    assert "not valid UTF-8" in got["latin1.txt"][1] and "UTF-16" in got["latin1.txt"][1]
    assert got["missing.txt"] == ("path", "no such file or directory")


def test_jsonl_bad_lines_named_by_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "पहला।"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": 42}),
        json.dumps({"text": "   "}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": "आखिरी।"}),
    ]
    p = _write(tmp_path / "mixed.jsonl", "\n".join(lines) + "\n")
    articles, errors = read_articles([p])
    assert [a.raw_text for a in articles] == ["पहला।", "आखिरी।"]
    assert [a.id for a in articles] == ["mixed#0", "mixed#6"]  # record index, blank line skipped
    assert all(e.source == str(p) for e in errors)
    by = _errors_by_where(errors)
    assert set(by) == {"line 2", "line 3", "line 4", "line 5", "line 6"}
    assert by["line 2"].startswith("not valid JSON")
    assert by["line 3"].startswith("record has no 'text' field (fields: title); ")
    assert "`--text-field FIELD`" in by["line 3"]
    assert by["line 4"] == "'text' must be a string, got int"
    assert by["line 5"] == "'text' is empty"
    assert "got list" in by["line 6"]


def test_json_errors(tmp_path: Path) -> None:
    broken = _write(tmp_path / "broken.json", '{"text": "क",\n  oops}')
    recs = _write(tmp_path / "recs.json", json.dumps([{"text": "क।"}, {"body": "x"}, 5]))
    scalar = _write(tmp_path / "scalar.json", "42")
    articles, errors = read_articles([broken, recs, scalar])
    assert [a.id for a in articles] == ["recs#0"]
    got = [(Path(e.source).name, e.where) for e in errors]
    assert got == [
        ("broken.json", "line 2"),
        ("recs.json", "record 1"),
        ("recs.json", "record 2"),
        ("scalar.json", "file"),
    ]
    assert "fields: body" in errors[1].message


def test_csv_errors(tmp_path: Path) -> None:
    no_text = _write(tmp_path / "no_text.csv", "title,body\na,b\n")
    empty_cell = _write(tmp_path / "cells.csv", "text,title\nक।,a\n,b\n")
    articles, errors = read_articles([no_text, empty_cell])
    assert [a.raw_text for a in articles] == ["क।"]
    assert errors[0].where == "file"
    assert errors[0].message.startswith("no 'text' field (fields: title, body); ")
    assert "`--text-field FIELD`" in errors[0].message
    assert (errors[1].source, errors[1].where) == (str(empty_cell), "row 1 (line 3)")


def test_malformed_csv_names_the_line(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.csv", "text,title\nx,y\nc,d,e,f\n")
    articles, errors = read_articles([bad])
    assert articles == []
    assert errors[0].source == str(bad)
    assert "Expected 2 fields in line 3" in errors[0].message


def test_tabular_reading_leaves_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datasets

    cache = tmp_path / "hf-cache"
    monkeypatch.setenv("HF_DATASETS_CACHE", str(cache))
    monkeypatch.setattr(datasets.config, "HF_DATASETS_CACHE", cache)
    csv_path = _write(tmp_path / "a.csv", "text\nक।\n")
    datasets.Dataset.from_dict({"text": ["ख।"]}).to_parquet(str(tmp_path / "b.parquet"))
    articles, errors = read_articles([csv_path, tmp_path / "b.parquet"])
    assert errors == [] and [a.raw_text for a in articles] == ["क।", "ख।"]
    assert not cache.exists() or not any(cache.iterdir())


def test_bad_parquet_and_empty_directory(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.parquet", b"not parquet at all")
    (tmp_path / "empty").mkdir()
    articles, errors = read_articles([bad, tmp_path / "empty"])
    assert articles == []
    assert errors[0].source == str(bad) and "Parquet" in errors[0].message
    assert errors[1].where == "directory" and "no input files" in errors[1].message


def test_text_field_option(tmp_path: Path) -> None:
    p = _write(tmp_path / "b.jsonl", json.dumps({"body": "क।", "text": "ignored"}) + "\n")
    [a] = read_articles([p], text_field="body")[0]
    assert a.raw_text == "क।"
    assert a.meta == {"text": "ignored"}
