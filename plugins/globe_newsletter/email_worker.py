"""One edition's email, rendered and checked: in the build, or in a worker process.

Worker processes import this module only (not Pelican, not the plugin): what they need
to render and check an email, and nothing else to start up.
"""

from __future__ import annotations

from .email_check import EmailSpec, check_email, check_mjml, check_text
from .render import EmailRenderer
from .view import EditionView


def render_and_check(renderer: EmailRenderer, view: EditionView, gate: tuple):
    """The email of one edition, and what the quality gate finds wrong with it.

    gate: (SITEURL, GlobeSettings), plain values a worker process can receive.
    """
    email = renderer.render(view)
    spec = EmailSpec.of(view, *gate, email.inline_css)
    return email, (check_mjml(email.mjml, spec) + check_email(email.html, spec)
                   + check_text(email.text, spec))


# Worker processes build their renderer once (ProcessPoolExecutor's initializer).
_worker_renderer: EmailRenderer | None = None


def start_worker(renderer_args: tuple) -> None:
    global _worker_renderer  # noqa: PLW0603 — one renderer per worker process
    _worker_renderer = EmailRenderer(*renderer_args)


def render_and_check_in_worker(view: EditionView, gate: tuple):
    return render_and_check(_worker_renderer, view, gate)
