"""Nesting past 20 levels (quotes, lists, HTML elements) is refused on the line that goes
past it, before Markdown converts the text: at about 290 levels Python-Markdown showed the
rest as typed (`> > > …`), a little deeper it failed, 3,000 growing quote lines took it
20 s, and 100,000 nested `<div>` took the sanitiser half a minute, 1,000,000 hours."""

from __future__ import annotations

from contentkit import article, write_tree

from .kit import A, assert_reported, build, check

DEEP = "error: this line nests quotes or lists more than 20 levels deep"
DEEP_HTML = "error: this line nests HTML elements more than 20 levels deep"


def path(name: str) -> str:
    return f"content/articles/2021/{name}.fr.md"


def test_quotes_lists_and_html_nested_past_20_levels_are_errors_on_their_line(tmp_path):
    bodies = {
        "quotes": "> " * 300 + "profond",
        "quote-lines": "\n".join(">" * depth + " ligne" for depth in range(1, 301)),
        "indented": "\n".join("    " * depth + "- point" for depth in range(300)),
        "numbered": "1. " * 300 + "x",
        "mixed": "> - " * 11 + "x",  # 22 levels: quotes and lists together
        "tabs": "\n".join("\t" * depth + "* point" for depth in range(30)),
        "divs": "<div>" * 300 + "x" + "</div>" * 300,
        "lists": "<ul><li>" * 11 + "x",  # 22 elements: each level is two
        "spans-in-a-div": "<div>\n\n" + "<span>x\n\n" * 30 + "</div>",
        "bold-paragraphs": "".join(f'<b title="{n}">x\n\n' for n in range(30)),
        "footnote": "Texte[^1].\n\n[^1]: " + "> " * 25 + "x",  # its text is on its line
    }
    files = {path(name): article(name, body="Intro.\n\n" + body)
             for name, body in bodies.items()}
    files[path("summary")] = article("summary", summary="> " * 25 + "x")
    write_tree(tmp_path, files)
    result = check(tmp_path)
    assert_reported(result,
                    f"{path('quotes')}:9: {DEEP}", f"{path('quote-lines')}:{9 + 20}: {DEEP}",
                    f"{path('indented')}:{9 + 20}: {DEEP}", f"{path('numbered')}:9: {DEEP}",
                    f"{path('mixed')}:9: {DEEP}", f"{path('tabs')}:{9 + 20}: {DEEP}",
                    f"{path('divs')}:9: {DEEP_HTML}", f"{path('lists')}:9: {DEEP_HTML}",
                    f"{path('spans-in-a-div')}:{9 + 2 + 2 * 19}: {DEEP_HTML}",
                    f"{path('bold-paragraphs')}:{9 + 2 * 20}: {DEEP_HTML}",
                    f"{path('footnote')}:11: {DEEP}", f"{path('summary')}:6: {DEEP}")
    assert "Check failed: 12 problem(s)." in result.stderr


def test_twenty_levels_and_html_that_closes_or_ends_its_elements_are_fine(tmp_path):
    """What browsers close by themselves (`<li>`, `<td>`, `<p>` left open; a `<span>`
    at the end of its paragraph) does not add up, nor do code and rules."""
    body = "\n\n".join([
        "> " * 20 + "vingt niveaux",
        "\n".join("    " * depth + "- point" for depth in range(20)),
        "- " * 40 + "-",  # a rule, not lists
        "> " * 3 + "* " * 40 + "*",  # a rule in a quote
        "Note[^n].\n\n[^n]: " + "> " * 19 + "x",  # twenty levels with the footnote
        "<ul>" + "<li>point" * 100 + "</ul>",
        "<table>" + ("<tr>" + "<td>x" * 30) * 30 + "</table>",
        "\n\n".join(["<span>x"] * 50),
        "\n".join(["`<div>` en code"] * 30),
        "<!-- " + "<div>" * 30 + " -->",
        "Liens " + " ".join(["<https://example.org/>"] * 30),
        ("<div>" * 15 + "x" + "</div>" * 15 + "\n") * 3,
    ])
    write_tree(tmp_path, {A: article(body=body)})
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr


def test_ten_thousand_levels_are_refused_at_once(tmp_path):
    write_tree(tmp_path, {
        path("quotes"): article("quotes", body="> " * 10_000 + "x"),
        path("lists"): article("lists", body="- " * 10_000 + "x"),
        path("indented"): article("indented", body="\n".join(
            "    " * depth + "- x" for depth in range(3_000))),
        path("divs"): article("divs", body="<div>" * 1_000_000 + "</div>" * 1_000_000),
        "editions/2026-01.fr.md": "Number: 2026-01\nDate: 2026-01-10\nLang: fr\n"
                                  "Subject: Essai\nArticles: quotes\n\n" + "> " * 10_000 +
                                  "x\n"})
    result = check(tmp_path)  # within run_globe's time-out: before the fix, minutes
    assert_reported(result, f"{path('quotes')}:7: {DEEP}", f"{path('lists')}:7: {DEEP}",
                    f"{path('indented')}:{7 + 20}: {DEEP}", f"{path('divs')}:7: {DEEP_HTML}",
                    f"editions/2026-01.fr.md:7: {DEEP}")
    assert "RecursionError" not in result.stderr
