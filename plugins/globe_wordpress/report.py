"""What the import did (the summary it prints) and what needs a human look (report.md)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from globe_core.messages import _, decimal


def describe(kind: str, detail: str) -> str:
    """One report line, in the user's language."""
    texts = {
        "missing_alt": _("image without alt text: %(detail)s — the file was put in "
                         "needs-review/: add the alt text, then move it into content/"),
        "hero_without_alt": _("the featured image %(detail)s has no alt text, so it was left "
                              "out: add `Image:` and `Image_alt:` by hand"),
        "alt_from_caption": _("alt text taken from the caption (%(detail)s): check that it "
                              "describes the image"),
        "failed_image": _("image not imported (%(detail)s): save it under content/images/ "
                          "and put it back in the text"),
        "unmapped_category": _("WordPress category %(detail)s is not mapped: the post was "
                               "filed under `varia`; map it in the categories file and import "
                               "again"),
        "unknown_shortcode": _("shortcode removed, its text kept: %(detail)s"),
        "dropped_html": _("removed what a page must not run: %(detail)s"),
        "embed_title": _("an embed had no title, so it got the generic `%(detail)s`: give it "
                         "a title that says what it shows"),
        "embed": _("an embed the site cannot show was turned into a link: %(detail)s"),
        "link": _("a link to the old site matched no imported page or file, so its text was "
                  "kept without the link: %(detail)s"),
        "kept": _("not overwritten: the file was edited since the last import (use --force "
                  "to replace it)"),
        "untitled": _("the post had no title: %(detail)s was used"),
        "bad_date": _("the post had no valid date: %(detail)s was used"),
        "password": _("the post was password-protected on WordPress: imported as a draft"),
        "unknown_language": _("language `%(detail)s` is not one of fr, nl, en: not imported"),
        "unconverted": _("the post's HTML could not be converted (%(detail)s): only its "
                         "words were kept, without links, images or formatting, and the "
                         "file was put in needs-review/: compare it with the old page, "
                         "then move it into content/"),
        "long_slug": _("the WordPress name of the post was too long for an address on the "
                       "site: its slug was shortened to `%(detail)s`; check that it still "
                       "says what the post is about"),
        "long_old_url": _("an old address is too long to be a folder name, so it was not "
                          "kept in `Old_urls` and will not be redirected: %(detail)s"),
        "own_old_url": _("the old address %(detail)s is one of the site's own (a folder the "
                         "build writes), so it was not kept in `Old_urls`: the site answers "
                         "it itself"),
        "refused": _("`globe check` would refuse the file (%(detail)s): it was put in "
                     "needs-review/: correct it, then move it into content/"),
        "invisible": _("invisible control or text-direction characters were removed "
                       "(%(detail)s): check that the text still reads as on the old page"),
        "date_out_of_range": _("the post is dated %(detail)s, before 2000 or more than a "
                               "year ahead, which the site refuses: the file was put in "
                               "needs-review/: correct `Date:`, then move it into the folder "
                               "of its year under content/"),
    }
    return texts[kind] % {"detail": detail}


@dataclass
class Report:
    export: str
    entries: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    files: Counter = field(default_factory=Counter)  # written / unchanged / kept / review
    kinds: Counter = field(default_factory=Counter)  # article / page / skipped

    def note(self, where: str, kind: str, detail: str = "") -> None:
        if (kind, detail) not in self.entries[where]:
            self.entries[where].append((kind, detail))

    def markdown(self, media_failures) -> str:
        title = _("WordPress import: what needs a human look")
        lines = ["# " + title, "",
                 _("Export: %(path)s — %(when)s", path=self.export,
                   when=dt.datetime.now().strftime("%Y-%m-%d %H:%M")), ""]
        if not self.entries and not media_failures:
            lines.append(_("Nothing: every post and page was imported as it was."))
        for where in sorted(self.entries):
            lines.append(f"## {where}")
            lines += [f"- {describe(kind, detail)}" for kind, detail in self.entries[where]]
            lines.append("")
        if media_failures:
            lines.append("## " + _("Images that could not be imported"))
            lines += [f"- {failure.url} — {failure.reason}" for failure in media_failures]
        return "\n".join(lines).rstrip() + "\n"

    def summary(self, media, seconds: float, report_path: str) -> str:
        parts = [
            _("Imported %(articles)s article file(s) and %(pages)s page file(s): "
              "%(written)s written, %(unchanged)s unchanged, %(kept)s kept as edited, "
              "%(review)s in needs-review/.",
              articles=self.kinds["article"], pages=self.kinds["page"],
              written=self.files["written"], unchanged=self.files["unchanged"],
              kept=self.files["kept"], review=self.files["review"]),
            _("Images: %(stored)s stored, %(reused)s already there, %(failed)s failed.",
              stored=media.counts["stored"], reused=media.counts["reused"],
              failed=len(media.failures)),
        ]
        look = len(self.entries) + (1 if media.failures else 0)
        parts.append(_("%(count)s file(s) need a human look: see %(path)s",
                       count=look, path=report_path) if look else
                     _("Nothing needs a human look."))
        parts.append(_("Done in %(seconds)s s.", seconds=decimal(seconds)))
        return "\n".join(parts)
