"""A student's text as received (REST channel, console): printable, NFC-normalised, one line.

Standard library only, so that the console can clean a question without importing Rasa."""
import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Printable, NFC-normalised text: control characters, NUL bytes and lone surrogates removed."""
    text = _SURROGATE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"[ \t\r\n]+", " ", text).strip()
