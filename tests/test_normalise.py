from reconcile.engine.normalise import fold, normalise


def test_offsets_point_into_the_original():
    text = "قال «المتحدث» إن الاجتماع في الـ١٠ من الشهر، وإنّ المحادثة استغرقت ساعةً."
    nt = normalise(text)
    for word in ("المتحدث", "10", "ساعه", "وان"):
        i = nt.text.index(word)
        s, e = nt.to_original(i, i + len(word))
        assert fold(text[s:e]) == word


def test_folding_variants():
    assert fold("أحمد") == fold("احمد") == fold("إحمد")
    assert fold("مكالمة") == fold("مكالمه")
    assert fold("مـــكالمة") == fold("مكالمة")
    assert fold("٢٠٢٢") == "2022"
    assert fold("«نعم»") == fold("“نعم”") == '"نعم"'
    assert fold("الـ10") == "10"


def test_diacritics_do_not_shift_spans():
    text = "الآنيّة الكثيرة"
    nt = normalise(text)
    s, e = nt.to_original(0, len("الانيه"))
    assert text[s:e] == "الآنيّة"


def test_replacing_entry_by_entry_is_translating():
    # normalise replaces one table entry at a time: that is one translation only while no
    # entry yields a character another entry changes
    from reconcile.engine.normalise import _TABLE, _translated
    changed = {chr(k) for k, v in _TABLE.items() if v != chr(k)}
    assert not any(c in changed for v in _TABLE.values() if v for c in v)
    every = ("".join(chr(k) for k in sorted(_TABLE)) + " Putin أجرى اتصالاً هاتفياً «مع» ٢٠ AB") * 3
    assert _translated(every) == every.translate(_TABLE)
    assert _translated(every[::-1]) == every[::-1].translate(_TABLE)
