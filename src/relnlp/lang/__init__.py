"""Language data for policy prose: abbreviations and tokenizer rules (data as code)."""

from relnlp.lang.tokenizer import customize_tokenizer

__all__ = ["customize_tokenizer"]
