"""Footnotes and element ids: what a reader can jump to must exist, once, and belong to
the text. Each was published as it came: `[^2]` shown as characters, a second `[^2]: …`
dropped, `{: #x }` under a heading shown as text, two elements with one id, an id the
page's own skip link or footnotes use."""

from __future__ import annotations

from contentkit import article, write_tree

from .kit import A, assert_reported, check


def test_footnotes_without_text_or_defined_twice_are_errors_on_their_line(tmp_path):
    write_tree(tmp_path, {
        A: article(body="Un texte[^1] et[^nope].\n\n[^1]: Une note.\n[^1]: Une autre."),
        "content/articles/2021/c.fr.md": article("c", summary="Un résumé[^1] `[^x]`."),
        "content/articles/2021/b.fr.md": article(
            "b", body="Deux fois[^a] et[^a], en code `[^x]`.\n\n```\n[^y]\n```\n\n"
                      "[^a]: La note[^b].\n\n[^b]: Une note dans une note.")})
    result = check(tmp_path)
    assert_reported(result, f"{A}:7: error: the footnote `[^nope]` has no text",
                    f"{A}:10: error: the footnote `[^1]` is defined twice (first on line 9)",
                    "content/articles/2021/c.fr.md:6: error: the footnote `[^1]` has no text")
    assert "b.fr.md" not in result.stderr and result.stderr.count("error:") == 3


def test_element_ids_must_be_unique_and_not_the_pages_own(tmp_path):
    write_tree(tmp_path, {
        A: article(body="## Un {: #same }\n\n## Deux {: #same }\n\n"
                        "Saut.\n{: #main-content }\n\nAn.\n{: #year-2021 }"),
        "content/articles/2021/b.fr.md": article("b", body="## T {: #fn:1 }\n\nA[^1].\n\n"
                                                           "[^1]: n"),
        "content/articles/2021/c.fr.md": article("c", body="## Un\n{: #un }\n\nSuite."),
        "content/articles/2021/d.fr.md": article(
            "d", body="## Un {: #un }\n\n## Deux {: .large }\n\nVoir [un](#un), `{: #x }`.")})
    result = check(tmp_path)
    assert_reported(result, f"{A}:7: error: the id `#same` is given to 2 elements",
                    f"{A}:12: error: the id `#main-content` is taken by the page around",
                    f"{A}:15: error: the id `#year-2021` is taken by the page around",
                    "content/articles/2021/b.fr.md:7: error: the id `#fn:1` is given to 2",
                    "content/articles/2021/c.fr.md:8: error: the attribute list `{: #un }` is "
                    "not attached to anything")
    assert "d.fr.md" not in result.stderr
