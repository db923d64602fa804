"""Issue 8.6: `{{ … }}` from any field never reaches the mailing service as a live tag."""

from __future__ import annotations

import re

from test_globe_newsletter.kit import edition, write_site

from globe_newsletter.email_check import EmailSpec, check_text

TAG = re.compile(r"\{\{(.*?)\}\}")
ALLOWED = {" UnsubscribeURL ", " ManageURL "}


def live_tags(text: str) -> set:
    return set(TAG.findall(text)) - ALLOWED


def test_template_syntax_is_neutralised_in_every_part(tmp_path, build_site):
    # Markdown emphasis keeps the braces apart in the HTML; the text part joins them
    intro = ("Bonjour {*{* .Subscriber.Email *}*} et {{ .Subscriber.Name }}, "
             "**{**{ .Subscriber.UUID }}.")
    content, editions = write_site(tmp_path, {"2021-15.fr.md": edition(
        intro, subject="Nouvelles {{ .Subscriber.Name }}",
        preheader="Pour vous {{ .Subscriber.Email }}, les nouvelles de novembre à Bruxelles")})
    result = build_site(content, editions)
    assert result.ok, "\n".join(map(str, result.problems))
    folder = tmp_path / "output/newsletter/2021-15"
    text = (folder / "email.txt").read_text(encoding="utf-8")
    html = (folder / "email.html").read_text(encoding="utf-8")
    assert "Subscriber" in text and not live_tags(text)
    assert not live_tags(html)
    manifest = (tmp_path / "output/newsletter/editions.json").read_text(encoding="utf-8")
    assert "Subscriber.Name" in manifest and not live_tags(manifest)


def test_the_gate_checks_the_text_part_and_the_subject():
    spec = EmailSpec(lang="fr", number="2021-15", subject="Salut {{ .Subscriber.Name }}",
                     siteurl="https://x", production=True, utm_source="n",
                     unsubscribe_url="{{ UnsubscribeURL }}", manage_url="{{ ManageURL }}",
                     merge_tags=("{{ UnsubscribeURL }}", "{{ ManageURL }}"))
    problems = check_text("Texte {{ .Subscriber.Email }}\n{{ UnsubscribeURL }}\n", spec)
    parts = sorted(p.message for p in problems)
    assert len(parts) == 2 and "subject" in parts[0] + parts[1] and "text" in parts[0] + parts[1]
