"""PLT001 watermark-for-this-platform: the copy carries no usage note (仅供…使用) for this platform."""

from __future__ import annotations

from liclint.checking.rule import Option, Rule, Severity

from ._options import comparable, strings


class WatermarkForThisPlatform(Rule):
    code = "PLT001"
    name = "watermark-for-this-platform"
    severity = Severity.ERROR
    summary = "The copy carries no 仅供…使用 note naming this platform (none, or one for another)."
    rationale = """
        Qinghe Market accepts only copies made for it: the merchant stamps the copy 仅供青禾市场…使用
        ("for Qinghe Market's merchant onboarding review only") before uploading it. The note ties
        the copy to this platform and this purpose. A copy without such a note can be passed on
        anywhere, and a copy whose note names another platform was made for someone else — an
        upload copied from another platform, or a copy of a license that is not the uploader's.
        Either way it does not show that the licensee consented to this use, and the review asks
        the merchant for a new copy. The rule passes when one note names the platform (any of the
        option platform-names, compared without spaces, case or full-width differences);
        otherwise it reports each note naming another recipient, or line 1 when the copy carries
        no note. A note with nothing between 仅供 and 使用 is also WMK005's.
    """
    citation = (
        "Qinghe Market merchant onboarding policy (青禾市场商家入驻资质审核规范, fictional), "
        "section 3.2: a copy of a qualification certificate must carry the note 仅供青禾市场…使用, "
        "its validity and 再次复印无效."
    )
    source = "practice"  # the policy builds on how holders stamp the copies they hand out
    effective = None  # every license
    options = {
        "platform-names": Option(
            ["青禾"],
            "names of the platform a usage note must contain, any one of them (a list of "
            'strings, e.g. ["青禾市场", "Qinghe Market"])',
        ),
    }

    def check(self, doc, ctx):
        names = strings(self.option(ctx, "platform-names"))
        if not names:
            # A misconfiguration, not a finding about the copy: raising makes it a LIC001 finding
            # that names this rule and its plugin.
            raise ValueError("option platform-names is empty: list at least one name")
        wanted = [comparable(name) for name in names]
        shown = " / ".join(names)
        if not doc.watermarks:
            yield self.finding(
                doc,
                1,
                f"the copy carries no usage note: copies for this platform must be stamped "
                f"仅供{names[0]}…使用 (option platform-names: {shown})",
            )
            return
        purposes = [m.purpose.text if m.purpose is not None else "" for m in doc.watermarks]
        if any(w in comparable(p) for p in purposes for w in wanted):
            return
        for mark, purpose in zip(doc.watermarks, purposes, strict=True):
            named = purpose.strip()
            where = mark.purpose if named else mark.usage
            recipient = f"'{named}'" if named else "no one"
            yield self.finding(
                doc,
                where,
                f"the usage note '{mark.usage.text.strip()}' is for {recipient}, not for this "
                f"platform ({shown}): the copy was made for another recipient",
            )
