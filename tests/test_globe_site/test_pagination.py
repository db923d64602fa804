"""The pagination shows first, last and the current page's neighbours."""

from __future__ import annotations

import pytest

from globe_site.pagination import page_window


@pytest.mark.parametrize("current,last,expected", [
    (1, 1, [1]),
    (1, 3, [1, 2, 3]),
    (1, 24, [1, 2, None, 24]),
    (5, 24, [1, None, 4, 5, 6, None, 24]),
    (3, 24, [1, 2, 3, 4, None, 24]),  # no ellipsis for a gap of nothing
    (4, 24, [1, 2, 3, 4, 5, None, 24]),  # a gap of one page shows that page
    (24, 24, [1, None, 23, 24]),
])
def test_page_window(current, last, expected):
    assert page_window(current, last) == expected
