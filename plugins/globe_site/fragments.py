"""Parts of pages that many pages share, rendered once per build and reused.

A listing card is the same on the home page, its category, each of its tags and the
archives, and a language's footer is the same on every page of that language: the theme
wraps them in `{% call remember(key...) %}`, and the key names everything the part
reads. Each Jinja environment gets its own memory, and each build makes new
environments, so nothing outlives the build whose objects it was made from.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from markupsafe import Markup


def remembering() -> Callable[..., Markup]:
    """A `remember(*key, caller)` for one environment: the first `caller()` of each key."""
    fragments: dict[tuple[Hashable, ...], Markup] = {}

    def remember(*key: Hashable, caller: Callable[[], Markup]) -> Markup:
        fragment = fragments.get(key)
        if fragment is None:
            fragment = fragments[key] = caller()
        return fragment

    return remember
