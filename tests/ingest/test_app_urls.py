"""The app's URL box: links fetched under the config's ``fetch`` section, refusals shown."""

from __future__ import annotations

import pytest

from summarize.app.inputs import gather_articles
from summarize.config import Config
from summarize.errors import InputError


def _cfg(**fetch: object) -> Config:
    return Config.model_validate({"name": "t", "app": {"max_articles": 3}, "fetch": fetch})


def test_url_box_fetches_pages_beside_pasted_text(web):
    arts, errors = gather_articles(
        [], ["पहला लेख।"], _cfg(allow_loopback=True), urls=f"\n{web.base}/page.html\n"
    )
    assert [a.id for a in arts] == ["page", "pasted-1"] and errors == []
    assert arts[0].title.startswith("MP Board Result 2024")


def test_url_box_refuses_loopback_on_a_public_host(web):
    # the default config, as on a public Space: the local server must stay unreachable
    with pytest.raises(InputError, match=r"None of the input could be read:\n.*loopback"):
        gather_articles([], [], _cfg(), urls=f"{web.base}/page.html")
    arts, errors = gather_articles([], ["पहला लेख।"], _cfg(), urls=f"{web.base}/page.html")
    assert [a.id for a in arts] == ["pasted-1"] and "refused" in errors[0].message
    assert web.hits == []


def test_url_box_lines_must_be_links_within_the_limit():
    with pytest.raises(InputError, match="Not a link: 'seeds/a.txt'"):
        gather_articles([], [], _cfg(), urls="seeds/a.txt")
    with pytest.raises(InputError, match="Too many links: 4"):
        gather_articles([], [], _cfg(), urls="\n".join(f"https://x.example/{i}" for i in range(4)))
