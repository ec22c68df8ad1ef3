"""Language knowledge of Hindi and English text, in one place.

* :mod:`summarize.lang.script` -- NFC, Devanagari character classes, digits of Indic
  scripts, tokens, script detection;
* :mod:`summarize.lang.lexicon` -- function words (named sets), the light stemmer used for
  matching, and the Ramanathan & Rao stemmer used for ROUGE;
* :mod:`summarize.lang.dates` -- month and weekday names, :func:`~summarize.lang.dates.parse_date`;
* :mod:`summarize.lang.numbers` -- numbers in digits and in words, quantities with unit and
  qualifier;
* :mod:`summarize.lang.segment` -- sentence and paragraph splitting.

Imports go one way (script <- lexicon <- dates <- numbers; segment stands alone), so no
module here imports anything outside :mod:`summarize.lang`.  The package itself exports
nothing: import the submodule that holds the knowledge you need.
"""
