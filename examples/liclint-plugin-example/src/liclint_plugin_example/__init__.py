"""liclint rules of Qinghe Market (青禾市场, a fictional marketplace): an example plugin.

Qinghe Market onboards merchants that hold a value-added telecom license. Its onboarding policy
adds two requirements to what liclint's built-in rules check: the copy a merchant uploads must be
stamped for Qinghe Market (PLT001), and the license must be issued in a province the market
operates in (PLT002). Both are settings of the platform, so both rules read options.

liclint finds this module through the entry point in ``pyproject.toml``::

    [project.entry-points.liclint]
    example = "liclint_plugin_example"

and calls the hook below. The rule modules are imported inside the hook, not here, as
``liclint.checking.hookspecs`` asks: importing this package stays cheap until the rules are wanted.
"""

from __future__ import annotations

from liclint.checking.hookspecs import hookimpl

__version__ = "0.1.0"


@hookimpl
def liclint_rules() -> list[type]:
    from .plt001_watermark_for_this_platform import WatermarkForThisPlatform
    from .plt002_province_allow_list import ProvinceAllowList

    return [WatermarkForThisPlatform, ProvinceAllowList]
