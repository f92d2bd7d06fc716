"""Across copies: the identity facts of a copy, the cross-copy rules and the check that runs
them, the ledger of copies seen before and of registry snapshots. Imports checking and text."""


class LedgerError(Exception):
    """A ledger that cannot be used, or a registry file that cannot be imported (one line).
    Defined with the stage, not in :mod:`liclint.across.ledger`, so that catching it imports no
    database code."""


def redact(target: str) -> str:
    """A ledger path or database URL as it may be shown: a URL's password replaced by ***."""
    scheme, sep, rest = target.partition("://")
    if not sep:
        return target
    userinfo, at, host = rest.rpartition("@")
    if not at:
        return target
    user, colon, _password = userinfo.partition(":")
    return f"{scheme}://{user}:***@{host}" if colon else target
