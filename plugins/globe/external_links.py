"""Check links to other sites: concurrent but polite, with timeouts, retries and a cache.

The outside world is flaky, so this makes a report, never a build error. Each host gets at
most `per_host` requests at a time; a URL checked fine within `max_age` is not asked again
(failures are always re-checked: a re-run is usually made to see a fix).
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

import requests
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

USER_AGENT = "BrusselsGlobeLinkChecker/1.0 (+https://international.brussels)"
RETRIED_STATUSES = {429, 500, 502, 503, 504}


@dataclass
class LinkResult:
    url: str
    status: int | None = None  # the final status, after redirects
    error: str | None = None  # "timeout", "no-answer" (refused, unknown host…) or a name
    redirected_from: int | None = None  # 301, 302… when the URL moved
    final_url: str | None = None
    checked_at: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and self.status < 400

    @property
    def moved(self) -> bool:
        return self.ok and self.redirected_from is not None


@dataclass(frozen=True)
class CheckOptions:
    timeout: float = 10.0
    attempts: int = 3
    per_host: int = 2
    workers: int = 8
    max_age: float = 7 * 24 * 3600  # seconds a good result is trusted
    backoff: float = 1.0


class _Retry(Exception):
    """A temporary failure (5xx, 429): worth asking again."""

    def __init__(self, response):
        self.response = response


class LinkCache:
    """{url: result} in a JSON file, kept between runs (CI caches .cache/)."""

    def __init__(self, path: str | None):
        self.path = path
        self.results: dict[str, LinkResult] = {}
        if path and os.path.isfile(path):
            try:
                with open(path, encoding="utf-8") as file:
                    for url, data in json.load(file).items():
                        self.results[url] = LinkResult(**data)
            except (ValueError, TypeError):
                self.results = {}  # a damaged cache only costs a full re-check

    def fresh(self, url: str, max_age: float, now: float) -> LinkResult | None:
        result = self.results.get(url)
        if result and result.ok and now - result.checked_at < max_age:
            return result
        return None

    def save(self) -> None:
        if not self.path:
            return
        os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
        temporary = self.path + ".tmp"
        with open(temporary, "w", encoding="utf-8") as file:
            json.dump({url: asdict(r) for url, r in sorted(self.results.items())}, file,
                      indent=1)
        os.replace(temporary, self.path)


class LinkChecker:
    def __init__(self, options: CheckOptions = CheckOptions(), cache: LinkCache | None = None):
        self.options = options
        self.cache = cache or LinkCache(None)
        self._hosts: dict[str, threading.Semaphore] = defaultdict(
            lambda: threading.BoundedSemaphore(options.per_host))
        self._lock = threading.Lock()
        self._local = threading.local()
        self.requested: list[str] = []  # URLs asked in this run (not answered from the cache)

    def _session(self) -> requests.Session:
        if not hasattr(self._local, "session"):
            self._local.session = requests.Session()
            self._local.session.headers["User-Agent"] = USER_AGENT
        return self._local.session

    def _host_limit(self, url: str) -> threading.Semaphore:
        with self._lock:
            return self._hosts[urlsplit(url).netloc.lower()]

    def _request(self, url: str) -> requests.Response:
        session = self._session()
        timeout = self.options.timeout
        response = session.head(url, allow_redirects=True, timeout=timeout)
        if response.status_code in (403, 405, 501):  # some servers refuse HEAD: ask for real
            response = session.get(url, allow_redirects=True, timeout=timeout, stream=True)
            response.close()
        if response.status_code in RETRIED_STATUSES:
            raise _Retry(response)
        return response

    def check_one(self, url: str) -> LinkResult:
        now = time.time()
        cached = self.cache.fresh(url, self.options.max_age, now)
        if cached:
            return cached
        with self._lock:
            self.requested.append(url)
        result = LinkResult(url, checked_at=now)
        retrying = Retrying(
            stop=stop_after_attempt(self.options.attempts),
            wait=wait_exponential(multiplier=self.options.backoff, max=30),
            retry=retry_if_exception_type((_Retry, requests.ConnectionError,
                                           requests.Timeout)),
            reraise=True)
        with self._host_limit(url):
            try:
                response = retrying(self._request, url)
            except _Retry as failure:
                response = failure.response
            except requests.Timeout:
                result.error = "timeout"
                response = None
            except requests.ConnectionError:
                result.error = "no-answer"
                response = None
            except requests.RequestException as error:
                result.error = type(error).__name__
                response = None
        if response is not None:
            result.status = response.status_code
            if response.history:
                result.redirected_from = response.history[0].status_code
                result.final_url = response.url
        with self._lock:
            self.cache.results[url] = result
        return result

    def check(self, urls) -> dict[str, LinkResult]:
        unique = sorted(set(urls))
        with ThreadPoolExecutor(max_workers=self.options.workers) as pool:
            results = dict(zip(unique, pool.map(self.check_one, unique), strict=True))
        self.cache.save()
        return results
