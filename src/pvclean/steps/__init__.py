"""The cleaning steps. Each module defines ``NAME`` and ``run(text, options) -> StepResult``;
``pvclean.pipeline.STEPS`` lists them in data-flow order."""
