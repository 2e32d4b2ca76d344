"""The one exception tree of the monitor.

Every error the monitor raises on purpose derives from :class:`MonitorError`; third-party
exceptions are translated at the module that owns the library (``fetch`` for httpx,
``store`` for SQLAlchemy, ``config`` for tomllib) with ``raise ... from exc``::

    MonitorError
    ├── ConfigError            sources.toml or a setting is wrong (file, line, key)
    ├── InputError             a record given to ``monitor ingest`` is unusable (line)
    ├── StoreError             the archive cannot be opened, read or written
    │   └── RecordRejected     the database refuses one of the values written
    ├── ExtractError           a page yields no usable article
    ├── FetchError             a request failed after its retries (url)
    │   ├── FetchTimeout
    │   ├── FetchConnectError
    │   ├── FetchHTTPStatus    a 4xx/5xx answer (status)
    │   ├── FetchTooLarge      the body passed the size limit
    │   ├── FetchRedirectLoop  too many redirects
    │   ├── RobotsDisallowed   robots.txt forbids the URL
    │   └── NotHTML            the answer is not a page or a feed
    └── DeliveryError          an alert could not be delivered (channel)
"""

from __future__ import annotations


class MonitorError(Exception):
    """Base of every error the monitor raises on purpose."""


class ConfigError(MonitorError):
    """A configuration problem, located as precisely as possible."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        where: str | None = None,
        key: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.where = where
        self.key = key
        super().__init__(str(self))

    def __str__(self) -> str:
        location = self.path or "<config>"
        if self.line is not None:
            location += f":{self.line}"
        parts = [location]
        if self.where:
            parts.append(self.where)
        if self.key:
            parts.append(f"key '{self.key}'")
        return ": ".join(parts) + f": {self.message}"


class InputError(MonitorError):
    """A record given to ingest cannot be used."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)


class UnknownRecord(InputError):
    """A story or an article named by id or URL that the archive does not hold."""


class StoreError(MonitorError):
    """The archive cannot be opened, read or written."""


class RecordRejected(StoreError):
    """The database refuses a value written (too long for its column, say): the record
    is at fault, not the archive, and the other records of a batch can still be stored."""


class ExtractError(MonitorError):
    """A page yields no usable article."""

    def __init__(self, message: str, *, url: str | None = None) -> None:
        self.url = url
        super().__init__(f"{url}: {message}" if url else message)


class FetchError(MonitorError):
    """A request failed (after its retries, where retrying made sense).

    ``lasting`` is True when asking again later would get the same answer (the page is
    gone, is not a page, is over the size limit, loops, or robots.txt forbids it); a
    poll does not fetch such an article again, and retries the others at its next run.
    ``outage`` is True when the server failed to answer (the retried kinds: a timeout, no
    connection, a 5xx, 408 or 429; robots.txt out of reach), which may pass in hours."""

    lasting: bool = False
    outage: bool = False

    def __init__(self, message: str, *, url: str) -> None:
        self.url = url
        self.reason = message
        super().__init__(f"{url}: {message}")


class FetchTimeout(FetchError):
    """The request timed out."""


class FetchConnectError(FetchError):
    """The host could not be reached."""


class FetchHTTPStatus(FetchError):
    """The server answered with an error status."""

    def __init__(self, message: str, *, url: str, status: int) -> None:
        self.status = status
        # 410 Gone and 451 are final; a 404 may be a page not yet published, a 5xx passes
        self.lasting = status in (410, 451)
        super().__init__(message, url=url)


class FetchTooLarge(FetchError):
    """The body passed the configured size limit."""

    lasting = True


class FetchRedirectLoop(FetchError):
    """Too many redirects."""

    lasting = True


class RobotsDisallowed(FetchError):
    """robots.txt forbids fetching the URL (``lasting``), or could not be read (not)."""

    def __init__(self, message: str, *, url: str, lasting: bool = True) -> None:
        self.lasting = lasting
        self.outage = not lasting
        super().__init__(message, url=url)


class NotHTML(FetchError):
    """The answer is neither a page nor a feed."""

    lasting = True


class DeliveryError(MonitorError):
    """An alert could not be delivered."""

    def __init__(self, message: str, *, channel: str) -> None:
        self.channel = channel
        super().__init__(f"channel '{channel}': {message}")
