from engine.nudges.messages import RenderError, choose_template, compile_check, render


def test_fallbacks_for_missing_fields_and_chained_access():
    assert render("Hi {{ name }}, {{ doc.title }}!", {}, {"name": "friend"}) == "Hi friend, !"
    assert render("{{ name | default('you') }}", {}) == "you"
    assert render("{% if missing_docs %}need {{ missing_docs | join(', ') }}{% endif %}",
                  {"missing_docs": ["ID", "card"]}) == "need ID, card"


def test_errors_are_returned_not_raised_and_sandbox_blocks_internals():
    out = render("{{ 1 / 0 }}", {})
    assert isinstance(out, RenderError) and "ZeroDivisionError" in str(out)
    out = render("{{ ''.__class__.__mro__ }}", {})
    assert isinstance(out, RenderError) and "unsafe" in str(out).lower()
    out = render("{{ name ", {})
    assert isinstance(out, RenderError) and out.line == 1
    assert compile_check("{% for x in y %}") is not None
    assert compile_check("ok {{ x }}") is None


def test_template_language_choice():
    t = {"zh": "中文", "en": "English"}
    assert choose_template(t, {"lang": "en"}, "lang", "zh") == ("en", "English")
    assert choose_template(t, {"lang": "fr"}, "lang", "zh") == ("zh", "中文")
    assert choose_template({"default": "x"}, {}, "lang", "zh") == ("default", "x")
