"""A title in Latin letters, for a brief's file name: accents folded, a few letters spelt out (`Straße` gives
`Strasse`), and the letters of Arabic and Persian written in Latin ones (`قطر` gives `qtr`).

Arabic script writes few vowels, so its file names are consonants mostly (`الدوحة` gives `aldwha`); they
only need to be stable and readable in an address. A title in another script gives no letters: the author
names the file with `--slug`.
"""

from __future__ import annotations

import unicodedata

#: Latin letters that do not decompose into a letter and an accent.
_LATIN = {"ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"}
_LATIN |= {"ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i"}

#: The letters of the Arabic alphabet and those Persian adds, with the Arabic-Indic and Persian digits.
_ARABIC_SCRIPT = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ؤ": "u", "ئ": "i",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ة": "a", "و": "w", "ي": "y", "ى": "a",
    "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ی": "y", "ە": "e", "ۀ": "eh",
    "\u200c": "",  # the zero-width non-joiner inside Persian words
    **{chr(0x0660 + n): str(n) for n in range(10)},  # ٠١٢...
    **{chr(0x06F0 + n): str(n) for n in range(10)},  # ۰۱۲...
}  # fmt: skip


def latin(text: str) -> str:
    """`text` with every letter it can write in Latin letters so written, accents taken off; the rest as is
    (punctuation, other scripts), for the caller to drop."""
    out = []
    for char in text:
        if char in _LATIN:
            out.append(_LATIN[char])
        elif char in _ARABIC_SCRIPT:
            out.append(_ARABIC_SCRIPT[char])
        elif unicodedata.category(char) == "Mn":  # a vowel mark or an accent written on its own
            continue
        else:
            out.append(char)
    decomposed = unicodedata.normalize("NFKD", "".join(out))
    return "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
