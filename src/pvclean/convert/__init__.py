"""Traditional to simplified Chinese conversion, fast enough to run on every document.

``dictionaries`` reads OpenCC's dictionaries (the library's copies plus newer upstream
entries), ``tables`` composes them into one character table and a small phrase index per
regional variant, ``detect`` decides which variant a text is written in, and ``convert``
applies a table and reports the spans it changed.
"""
