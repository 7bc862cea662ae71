"""Numbers written in words, read under Vietnamese conventions ("hai mươi lăm", "một trăm linh
năm", "ba nghìn không trăm hai mươi"). `reader.find_word_numbers` finds them; this reads one."""

from __future__ import annotations

from decimal import Decimal

from ...core import rules


def parse_words(s: str) -> Decimal | None:
    """'hai mươi lăm' -> 25, 'một trăm linh năm' -> 105, 'ba nghìn không trăm hai mươi' -> 3020.

    Reads left to right keeping three registers: `total` (groups already closed by nghìn, triệu,
    tỷ), `group` (the hundreds and tens of the open group) and `digit` (a digit waiting for its
    multiplier). Returns None for a sequence that is not a well-formed number ("hai ba").
    """
    digits = rules.section("numbers", "word_digits")
    mults = rules.section("numbers", "word_multipliers")
    zero_tens = set(rules.section("numbers", "word_zero_tens"))
    half_before = set(rules.section("numbers", "half_before"))
    half_after = set(rules.section("numbers", "half_after"))
    total = group = Decimal(0)
    digit: Decimal | None = None
    prev = ""
    words = s.lower().split()
    for i, w in enumerate(words):
        if w in half_before:  # "nửa triệu": a half waiting for its multiplier
            if digit is not None or i + 1 == len(words) or words[i + 1] not in mults:
                return None
            digit = Decimal("0.5")
        elif w in half_after:  # "hai triệu rưỡi", "một trăm rưỡi": half the multiplier before
            if prev not in mults or i + 1 != len(words):
                return None
            half = Decimal(int(mults[prev])) / 2
            if int(mults[prev]) >= 1000:
                total += half
            else:
                group += half
        elif w in zero_tens:  # "một trăm linh năm", "một nghìn lẻ một": what lies between is zero
            if digit is not None or not (prev == "trăm" or int(mults.get(prev, 0)) >= 1000):
                return None
            if prev != "trăm":  # "nghìn lẻ bốn mươi bảy" = 047: tens may follow, as after nothing
                prev = ""
                continue
        elif w == "mười":
            if digit is not None:
                return None
            group += 10
        elif w in digits:
            d = Decimal(int(digits[w]))
            if w in ("mốt", "tư", "lăm", "nhăm") and prev not in ("mươi", "mười") and digit is None:
                return None
            if digit is not None:
                if w not in ("lăm", "mốt", "tư"):
                    return None  # two digits in a row
                group, digit = group + digit * 10 + d, None  # colloquial "hai lăm" = 25
            elif prev in ("mươi", "mười", "linh", "lẻ") or (prev == "trăm" and w == "không"):
                group += d
            else:
                digit = d
        elif w in mults:
            m = Decimal(int(mults[w]))
            if m in (10, 100):  # mươi, chục, trăm
                if m == 10 and w == "mươi" and digit is None:
                    return None
                group += (1 if digit is None else digit) * m
            else:  # nghìn, triệu, tỷ close the open group
                pending = group + (digit or 0)
                if pending == 0 and total and total < m:
                    total *= m  # "một nghìn tỷ"
                else:
                    total += (pending or 1) * m
                group = Decimal(0)
            digit = None
        else:
            return None
        prev = w
    return total + group + (digit or 0)
