"""DAT009 certified-before-issue: a copy-certification note is dated before the issue date or in the future."""

from liclint.checking.rule import Rule, Severity


class CertifiedBeforeIssue(Rule):
    code = "DAT009"
    name = "certified-before-issue"
    severity = Severity.ERROR
    summary = "A copy-certification note (与原件一致) is dated before the issue date or after the as-of date."
    rationale = """
        A copy handed to a platform is often certified against the original by its holder: a note
        such as 本复印件与原件核对一致 with the holder's seal and the day it was checked. The original
        has to exist for a copy to be checked against it, so the note cannot be dated before the
        license's 发证日期, nor after the day the copy is reviewed (the as-of date). Such a date comes
        from a copy of another (older) license, or one of the dates was edited.
    """
    citation = (
        "Practice of license copies: a copy is certified 与原件一致 against the original license, "
        "which exists from its 发证日期 (the license template: 发证日期 is the day it was issued)."
    )
    source = "practice"
    effective = None

    def check(self, doc, ctx):
        issue = doc.issue_date
        for note in doc.certified:
            if note.value is None:
                continue  # an impossible or incomplete date is not this rule's
            when = note.value.isoformat()
            if issue is not None and issue.value is not None and note.value < issue.value:
                yield self.finding(
                    doc,
                    note.field,
                    f"the copy was certified against the original on {when}, before the license "
                    f"was issued ({issue.value.isoformat()}, line {doc.source_line(issue.field.line)})",
                )
            elif note.value > ctx.as_of:
                yield self.finding(
                    doc,
                    note.field,
                    f"the copy's certification is dated {when}, after the as-of date "
                    f"{ctx.as_of.isoformat()}",
                )
