"""The event of an ungrouped run is named after its content, not "all" (issue 14)."""

from __future__ import annotations

from pathlib import Path

from summarize.event_names import MAX_WORDS, content_event_name, titles_name
from summarize.group import ALL_INPUTS_EVENT
from summarize.ingest import read_articles
from summarize.types import Article


def test_shared_title_words_most_shared_first() -> None:
    titles = [
        "Kim meets Putin in Vladivostok",
        "Putin and Kim talk weapons",
        "Putin hosts Kim at cosmodrome",
        "Kim leaves Russia",
    ]
    assert titles_name(titles) == "kim putin"


def test_words_are_counted_once_per_title_and_function_words_skipped() -> None:
    assert titles_name(["बाढ़ बाढ़ बाढ़ की खबर", "दिल्ली में बारिश", "पटना में बारिश"]) == "बारिश"
    six = "alpha beta gamma delta epsilon zeta"
    assert titles_name([six] * 3) == " ".join(six.split()[:MAX_WORDS])


def test_one_article_or_nothing_shared_gives_the_first_title_cut() -> None:
    long = "दिल्ली में भारी बारिश से जनजीवन प्रभावित, कई इलाकों में पानी भरा, स्कूल बंद"
    assert titles_name([long]) == "दिल्ली में भारी बारिश से जनजीवन प्रभावित, कई"  # 8 words
    assert titles_name(["Cricket final tonight", "Budget session opens"]) == "Cricket final tonight"
    assert titles_name(["", "  "]) is None


def test_the_seed_event_is_named_from_the_cleaned_titles(seed_paths: list[Path]) -> None:
    articles, _ = read_articles(seed_paths)
    assert all(a.title is None for a in articles)  # .txt pages: the cleaner finds the titles
    assert content_event_name(articles) == "पुतिन कोरिया किम जोंग"


def test_no_title_at_all_falls_back_to_all() -> None:
    assert content_event_name([Article(id="x", source="s", raw_text="")]) == ALL_INPUTS_EVENT
