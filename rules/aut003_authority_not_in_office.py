"""AUT003 authority-not-in-office: the ministry named did not exist under that name on the issue date."""

import datetime as dt

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import fold

#: The ministry's names and the dates they were in office: 信息产业部 until the State Council's
#: reform of 2008 made it part of 工业和信息化部, approved on 2008-03-15 and inaugurated
#: 2008-06-29. A license of the transition months may carry either name.
MINISTRIES = (
    ("信息产业部", dt.date(1998, 3, 10), dt.date(2008, 12, 31)),
    ("工业和信息化部", dt.date(2008, 3, 15), None),
)


class AuthorityNotInOffice(Rule):
    code = "AUT003"
    name = "authority-not-in-office"
    severity = Severity.ERROR
    summary = (
        "The ministry named as issuing authority did not exist under that name on the issue date."
    )
    rationale = """
        The ministry that issues cross-regional licenses was 信息产业部 (Ministry of Information
        Industry) until 2008, when the State Council's reform merged it into 工业和信息化部 (MIIT).
        A license dated before MIIT existed cannot name it, and one dated years after cannot
        name the ministry that no longer existed: the authority, or the date, was written by
        someone who did not know the license's time.
    """
    citation = (
        "《国务院机构改革方案》, approved by the 1st session of the 11th National People's Congress on "
        "2008-03-15: 工业和信息化部 established, 信息产业部 no longer kept (MIIT inaugurated 2008-06-29); "
        "the 1998 reform (1998-03-10) established 信息产业部."
    )
    source = "regulation"
    effective = None

    def check(self, doc, ctx):
        issued = doc.issue_date.value if doc.issue_date is not None else None
        if issued is None:
            return
        for mention in doc.authorities:
            text = "".join(fold(mention.text).split())
            for name, start, end in MINISTRIES:
                if name not in text:
                    continue
                if issued < start:
                    yield self.finding(
                        doc,
                        mention,
                        f"the license, issued {issued.isoformat()}, names {name}, which was "
                        f"established on {start.isoformat()}",
                    )
                elif end is not None and issued > end:
                    yield self.finding(
                        doc,
                        mention,
                        f"the license, issued {issued.isoformat()}, names {name}, which had been "
                        "merged into 工业和信息化部 in 2008",
                    )
