"""relnlp's spaCy components. Import :mod:`relnlp.pipeline.factories` to register them."""
