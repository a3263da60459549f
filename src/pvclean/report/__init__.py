"""Views over the pipeline's change records: ``pvclean diff`` (text, side by side, counts,
folders, HTML) and ``pvclean explain``. None of them cleans anything itself."""
