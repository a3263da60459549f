"""Main-content extraction for whole saved web pages, used by the ``extract`` step.

* :mod:`.tables` — the data: which elements are page furniture, which class/id words mark
  boilerplate or content, which characters count as sentence punctuation;
* :mod:`.tree` — a light element tree with source spans, built on :mod:`pvclean.markup`;
* :mod:`.score` — text, link and punctuation statistics per block, the choice of the
  article's container, and the removal plan (spans and reasons) around and inside it.
"""
