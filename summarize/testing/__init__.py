"""Builders of tiny random-weight models with real architectures, for tests and demos.

Nothing here downloads anything: each builder creates a real config with a few layers and
a small vocabulary, random weights, and a SentencePiece tokenizer trained in a second on
the seed articles, and saves it in the layout a published checkpoint has.  Such models
produce nonsense; they exercise the real loading and generation code paths.
"""
