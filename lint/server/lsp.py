"""The language server: pygls over stdio. Diagnostics on open, on change (debounced) and on save;
hovers; the code actions of :func:`liclint.server.analysis.fixes`. Imports pygls and lsprotocol
(the ``server`` extra): :mod:`liclint.cli` imports this module only when the server starts."""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import sys

from lsprotocol import types

try:  # pygls 2
    from pygls.lsp.server import LanguageServer
except ImportError:  # pygls 1
    from pygls.server import LanguageServer
from pygls.uris import to_fs_path

from liclint import __version__
from liclint.checking.meta import Severity
from liclint.running.config import CONFIG_FILES
from liclint.server.analysis import Analysis, analyse, documentation, fixes, hover
from liclint.server.positions import UTF16, from_client, to_client

#: How long after the last change a copy is checked again (the CLI's --debounce).
DEBOUNCE = 0.3
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.liclint"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
log = logging.getLogger(__name__)


class LiclintServer(LanguageServer):
    """The server's state: the last analysis of every open copy and the pending re-checks."""

    def __init__(self, debounce: float = DEBOUNCE) -> None:
        super().__init__("liclint", __version__)
        self.debounce = debounce
        self.analyses: dict[str, Analysis] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}

    # -- what pygls 1 and 2 name differently ------------------------------------------------------

    def document(self, uri: str):
        workspace = self.workspace
        get = getattr(workspace, "get_text_document", None) or workspace.get_document
        return get(uri)

    def encoding(self) -> str:
        value = getattr(self.workspace, "position_encoding", None) or UTF16
        return getattr(value, "value", value)

    def publish(self, uri: str, diagnostics: list, version: int | None = None) -> None:
        if hasattr(self, "text_document_publish_diagnostics"):
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
            )
        else:  # pygls 1
            self.publish_diagnostics(uri, diagnostics, version)

    def log(self, message: str, kind: types.MessageType = types.MessageType.Log) -> None:
        if hasattr(self, "window_log_message"):
            self.window_log_message(types.LogMessageParams(type=kind, message=message))
        else:  # pygls 1
            self.show_message_log(message, kind)

    # -- checking ---------------------------------------------------------------------------------

    def analysis(self, uri: str) -> Analysis:
        """The analysis of the open copy's current text (checked now if it changed since)."""
        document = self.document(uri)
        text = document.source
        known = self.analyses.get(uri)
        if known is not None and known.text == text:
            return known
        path = to_fs_path(uri) if uri.startswith("file:") else uri
        result = analyse(text, path or uri, self.workspace.root_path)
        self.analyses[uri] = result
        return result

    def check(self, uri: str) -> None:
        """Check the open copy now and publish its diagnostics."""
        self.pending.pop(uri, None)
        try:
            document = self.document(uri)
            result = self.analysis(uri)
            diagnostics = self.diagnostics(result)
        except Exception as exc:  # never a dead server: one diagnostic says what went wrong
            log.exception("checking %s", uri)
            self.log(f"liclint: checking {uri} failed: {exc!r}", types.MessageType.Error)
            diagnostics = [_problem(f"liclint: internal error: {type(exc).__name__}: {exc}")]
            document = None
        self.publish(uri, diagnostics, getattr(document, "version", None))

    def schedule(self, uri: str) -> None:
        """Check the copy once it has not changed for ``debounce`` seconds."""
        self.cancel(uri)
        if self.debounce <= 0:
            self.check(uri)
            return
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(self.debounce, self.check, uri)

    def cancel(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def diagnostics(self, result: Analysis) -> list[types.Diagnostic]:
        encoding = self.encoding()
        out = [_diagnostic(result, f, encoding) for f in result.findings]
        if result.problem:
            out.insert(0, _problem(result.problem, _SEVERITY[result.problem_severity]))
        return out


def _diagnostic(result: Analysis, f, encoding: str) -> types.Diagnostic:
    href = documentation(result, f.code)
    return types.Diagnostic(
        range=_range(result.lines, f.line, f.column, f.end_line, f.end_column, encoding),
        message=f.message,
        severity=_SEVERITY.get(f.severity, types.DiagnosticSeverity.Warning),
        code=f.code,
        code_description=types.CodeDescription(href=href) if href else None,
        source="liclint",
        data={"fingerprint": f.fingerprint} if f.fingerprint else None,
    )


def _range(lines, line, column, end_line, end_column, encoding) -> types.Range:
    start = types.Position(*to_client(lines, line, column, encoding))
    end = types.Position(*to_client(lines, end_line, end_column, encoding))
    if (end.line, end.character) < (start.line, start.character):
        end = start
    return types.Range(start=start, end=end)


def _problem(
    message: str, severity: types.DiagnosticSeverity = types.DiagnosticSeverity.Error
) -> types.Diagnostic:
    """A diagnostic on line 1 for what kept the copy from being checked."""
    origin = types.Position(line=0, character=0)
    return types.Diagnostic(
        range=types.Range(start=origin, end=origin),
        message=message,
        severity=severity,
        source="liclint",
    )


def _answering(empty):
    """A request handler that answers ``empty`` (and logs) where it would raise: a hover or a
    code action that fails is no answer, not an error the editor shows."""

    def wrap(handler):
        @functools.wraps(handler)
        def answer(ls: LiclintServer, params):
            try:
                return handler(ls, params)
            except Exception as exc:
                log.exception("%s", handler.__name__)
                ls.log(f"liclint: {handler.__name__} failed: {exc!r}", types.MessageType.Error)
                return empty

        return answer

    return wrap


def build(debounce: float = DEBOUNCE) -> LiclintServer:
    """The server with its features."""
    server = LiclintServer(debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LiclintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LiclintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LiclintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if os.path.basename(to_fs_path(uri) or "") in CONFIG_FILES:
            # a configuration changed: every open copy is checked again under it
            for other in list(ls.analyses):
                ls.analyses.pop(other, None)
                ls.cancel(other)
                ls.check(other)
        elif uri in ls.analyses or uri in ls.pending:
            ls.cancel(uri)
            ls.check(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LiclintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel(uri)
        ls.analyses.pop(uri, None)
        ls.publish(uri, [])

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @_answering(None)
    def on_hover(ls: LiclintServer, params: types.HoverParams) -> types.Hover | None:
        result = ls.analysis(params.text_document.uri)
        position = params.position
        line, column = from_client(result.lines, position.line, position.character, ls.encoding())
        text = hover(result, line, column)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=False
        ),
    )
    @_answering([])
    def code_action(ls: LiclintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        result = ls.analysis(uri)
        encoding = ls.encoding()
        wanted = params.context.only
        all_fixes = fixes(result)
        first = from_client(
            result.lines, params.range.start.line, params.range.start.character, encoding
        )
        last = from_client(
            result.lines, params.range.end.line, params.range.end.character, encoding
        )
        actions = []

        def edit(fix) -> types.TextEdit:
            where = _range(result.lines, fix.line, fix.column, fix.line, fix.end_column, encoding)
            return types.TextEdit(range=where, new_text="")

        def diagnostic(fix) -> types.Diagnostic:
            return _diagnostic(result, fix.finding, encoding)

        if _offered(types.CodeActionKind.QuickFix, wanted):
            for fix in all_fixes:
                if (fix.line, fix.end_column) < first or (fix.line, fix.column) > last:
                    continue  # not in the range asked about
                actions.append(
                    types.CodeAction(
                        title=fix.title,
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic(fix)],
                        is_preferred=True,
                        edit=types.WorkspaceEdit(changes={uri: [edit(fix)]}),
                    )
                )
        if all_fixes and (len(all_fixes) > 1 or wanted) and _offered(FIX_ALL, wanted):
            actions.append(
                types.CodeAction(
                    title=f"Remove every bidi control and invisible character ({len(all_fixes)})",
                    kind=FIX_ALL,
                    diagnostics=[diagnostic(fix) for fix in all_fixes],
                    edit=types.WorkspaceEdit(changes={uri: [edit(fix) for fix in all_fixes]}),
                )
            )
        return actions

    return server


def _offered(kind: str, wanted) -> bool:
    """Whether a code action of ``kind`` answers a request for the kinds ``wanted`` (LSP: a kind
    is asked for by itself or by a prefix of it, ``source`` for ``source.fixAll.liclint``)."""
    if not wanted:
        return True
    kind = getattr(kind, "value", kind)
    asked = [getattr(w, "value", w) for w in wanted]
    return any(kind == w or kind.startswith(f"{w}.") for w in asked)


def serve(debounce: float = DEBOUNCE) -> int:
    """Run the server on stdin and stdout until the client says exit."""
    logging.basicConfig(
        stream=sys.stderr, level=logging.WARNING, format="liclint server: %(message)s"
    )
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # stdout is the protocol's: a stray print must not break it
    build(debounce).start_io(stdin, stdout)
    return 0
