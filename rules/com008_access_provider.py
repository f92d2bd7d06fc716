"""COM008 access-provider: a website's access provider cannot be the one that gives it access."""

from liclint.checking.rule import Rule, Severity

from ._names import is_person_name
from ._scope import business_class, compact

#: The businesses that connect a customer's servers to the internet: internet access (B14), a
#: data centre (B11, which rents out its lines and outbound bandwidth with the rack space) and a
#: content delivery network (B12); in the 2003 catalogue 因特网接入服务 and 因特网数据中心.
INTERNET_ACCESS = (
    "互联网接入服务业务",
    "互联网数据中心业务",
    "内容分发网络业务",
    "因特网接入服务业务",
    "因特网数据中心业务",
)


def grants_access(doc) -> bool:
    """Whether the scope grants a business that gives websites their access (B14, B11, B12)."""
    for business in doc.scope_parts.businesses:
        found = business_class(business.name.text, None)
        if found is not None and found[0] in INTERNET_ACCESS:
            return True
    return False


class AccessProvider(Rule):
    code = "COM008"
    name = "access-provider"
    severity = Severity.ERROR
    summary = "A website's access provider is the holder itself without internet access in its scope, or a person."
    rationale = """
        The attachment names, for each website, the 网站接入服务提供单位: the operator whose
        network the site's servers are connected to the internet through. Giving that access is a
        telecom business of its own: 互联网接入服务 (B14 of the catalogue; 因特网接入服务 in the 2003
        one), or a data centre's or a CDN's (B11, B12: they rent out lines and outbound bandwidth
        with the servers' space), which only a company licensed for it may operate; the access
        provider is the one who records the site's filing. A holder that names itself as its own
        access provider must therefore hold one of these businesses on this license; when its
        scope has none the entry is false. A natural person cannot hold a telecom license at all, so a person's name
        there (王建国) was filled in by someone who did not know who provides the access.
    """
    citation = (
        "《中华人民共和国电信条例》 第七条 (telecom business only under a license) and 第十三条（一） "
        "(a value-added operator is 依法设立的公司); 《电信业务分类目录（2015年版）》 B14 "
        "互联网接入服务业务 (and B11 互联网数据中心业务: 出口带宽的代理租用); 信息产业部令第33号《非经营性互联网信息服务备案管理办法》 第十九条: the "
        "互联网接入服务提供者 records the filings of the sites it gives access to."
    )
    source = "regulation"
    effective = None

    def check(self, doc, ctx):
        attachment = doc.attachment
        if attachment is None:
            return
        holder = doc.company if doc.company is not None else attachment.company
        holder_key = compact(holder.text) if holder is not None else ""
        for site in attachment.websites:
            provider = site.access_provider
            if provider is None or not provider.text.strip():
                continue  # missing: COM005
            name = compact(provider.text)
            if holder_key and name == holder_key:
                if doc.scope_parts is not None and not grants_access(doc):
                    yield self.finding(
                        doc,
                        provider.strip(),
                        f"the access provider names the holder itself ('{provider.text.strip()}'), "
                        f"but the scope (line {doc.source_line(doc.scope.line)}) grants no "
                        "互联网接入服务 (B14) nor a data centre's or CDN's business (B11, B12): "
                        "only an operator licensed for one connects websites to the internet",
                    )
            elif is_person_name(name):
                yield self.finding(
                    doc,
                    provider.strip(),
                    f"'{provider.text.strip()}' is the name of a person: access is provided by a "
                    "company licensed for 互联网接入服务 (B14), never by an individual",
                    Severity.WARNING,
                )
