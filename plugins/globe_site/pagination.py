"""Which page numbers a pagination shows: first, last and the current one's neighbours.

GOV.UK pattern: "1 … 4 5 6 … 24". Listing only a window also keeps rendering linear:
asking Pelican's paginator for every page on every page is quadratic in the page count.
"""

from __future__ import annotations


def page_window(current: int, last: int, around: int = 1) -> list[int | None]:
    """Page numbers to link, None where numbers are left out (an ellipsis)."""
    wanted = {1, last, *range(max(1, current - around), min(last, current + around) + 1)}
    window: list[int | None] = []
    previous = 0
    for number in sorted(wanted):
        if number - previous > 2:
            window.append(None)
        elif number - previous == 2:
            window.append(previous + 1)  # a gap of one page: show it rather than "…"
        window.append(number)
        previous = number
    return window
