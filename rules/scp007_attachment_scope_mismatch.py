"""SCP007 attachment-scope-mismatch: the attachment grants a business the front page does not."""

from liclint.checking.rule import Rule, Severity

from ._scope import compact


def _key(business) -> tuple[str, str]:
    qualifier = business.qualifier.text if business.qualifier is not None else ""
    return compact(business.name.text), compact(qualifier)


class AttachmentScopeMismatch(Rule):
    code = "SCP007"
    name = "attachment-scope-mismatch"
    severity = Severity.ERROR
    summary = "The attachment's 获准经营… business is not in the front page's scope."
    rationale = """
        The attachment (附页) opens with "…公司获准经营信息服务业务(仅限互联网信息服务)相关信息":
        the business, with its qualifier, whose websites it lists. The attachment is part of the
        same license as the front page, so that business must be one the front page grants, with the
        same qualifier. Another business or qualifier shows an attachment taken from another
        license, or a scope edited on one page only.
    """
    citation = (
        "The license template: 业务种类 on the 正文 and the 附页 header “…获准经营…相关信息”; "
        "信息产业部令第19号《电信业务经营许可证管理办法》 第十二条: the 正文 and the 附件 make up "
        "one license."
    )
    source = "template"
    effective = None

    def check(self, doc, ctx):
        attachment = doc.attachment
        if attachment is None or attachment.scope_parts is None or doc.scope_parts is None:
            return
        front = {_key(b) for b in doc.scope_parts.businesses}
        if not front:
            return
        for business in attachment.scope_parts.businesses:
            name, qualifier = _key(business)
            if (name, qualifier) in front:
                continue
            granted = "; ".join(f"{n}({q})" if q else n for n, q in sorted(front))
            yield self.finding(
                doc,
                business.name,
                f"the attachment is for {name}{f'({qualifier})' if qualifier else ''}, but the "
                f"front page (line {doc.source_line(doc.scope.line)}) grants {granted}",
            )
