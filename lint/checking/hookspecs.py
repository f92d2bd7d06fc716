"""The plugin API: every hook a liclint plugin may implement.

A plugin is a module (or object) registered under the entry-point group ``liclint``::

    [project.entry-points.liclint]
    my_rules = "my_package.liclint_plugin"

and implements hooks with ``@liclint.hookimpl``. The built-in rules are registered the same way.
See ``docs/plugins.md``.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("liclint")
hookimpl = pluggy.HookimplMarker("liclint")


@hookspec
def liclint_rules() -> list[type]:
    """Return the rule classes (subclasses of :class:`liclint.checking.rule.Rule`) this plugin provides.

    Import rule modules inside the implementation, not at module level, so that ``liclint`` starts
    fast when a plugin's rules are not needed.
    """


@hookspec
def liclint_cross_rules() -> list[type]:
    """Return the cross-copy rule classes (subclasses of :class:`liclint.across.cross.CrossRule`) this
    plugin provides: rules that compare a copy with the other copies of the run and of the ledger
    sharing its number, company or a domain, and with the registry's row for its number.
    """
