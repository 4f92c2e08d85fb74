"""Publication dates in the formats the contract accepts, as naive UTC datetimes."""
from __future__ import annotations

import datetime as dt
import email.utils
import re

_GDELT = re.compile(r"^(\d{8})T?(\d{6})Z?$")


def parse_published_at(value: object) -> dt.datetime | None:
    """ISO 8601, RFC 2822 or GDELT-style (`20220125T090000Z`, `20220125090000`); None if unparseable."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return _utc_naive(value)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)):
        return None  # bare numbers are ambiguous (epoch seconds? ms?); keep them in `extra`
    s = str(value).strip()
    if not s:
        return None
    m = _GDELT.match(s)
    if m:
        try:
            return dt.datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S")
        except ValueError:
            return None
    try:
        return _utc_naive(dt.datetime.fromisoformat(s.replace("Z", "+00:00").replace("z", "+00:00")))
    except ValueError:
        pass
    try:
        return _utc_naive(email.utils.parsedate_to_datetime(s))
    except (TypeError, ValueError, IndexError):
        return None


def _utc_naive(d: dt.datetime) -> dt.datetime:
    if d.tzinfo is not None:
        d = d.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return d
