"""`liclint server`: the language server, end to end with pytest-lsp (a real LSP client talking to
``python -m liclint server`` over stdio), and its parts that need no pygls (positions, analysis,
hovers, fixes). The end-to-end tests are skipped when pygls or pytest-lsp is not installed (the
``server`` extra; the ``test`` extra brings both)."""

from __future__ import annotations

import asyncio
import importlib.util
import subprocess
import sys

import pytest

from conftest import example
from liclint.server import analysis
from liclint.server.analysis import analyse, fixes, hover
from liclint.server.positions import UTF8, UTF16, UTF32, from_client, to_client, units

FORGED = example("forged.md")
LINES = FORGED.split("\n")
NUMBER_LINE = next(i for i, line in enumerate(LINES) if line.startswith("经营许可证编号"))
REPRESENTATIVE = "法定代表人：林晓舟"
#: a character outside the BMP (two UTF-16 units, four UTF-8 bytes) before a zero-width space
ASTRAL, ZWSP = "\U00020000", "\u200b"
TAMPERED = FORGED.replace(REPRESENTATIVE, f"法定代表人：林{ASTRAL}{ZWSP}晓舟")
FORGED_CODES = {"TXT004", "DAT001", "COM001", "PRV005", "PRV003", "NUM005"}
HAVE_LSP = all(importlib.util.find_spec(m) for m in ("pygls", "lsprotocol", "pytest_lsp"))
needs_lsp = pytest.mark.skipif(not HAVE_LSP, reason="pygls/pytest-lsp (liclint[server]) missing")


@pytest.fixture
def workspace(tmp_path):
    """A folder with a configuration (its as-of date inside the forged copy's validity)."""
    (tmp_path / "liclint.toml").write_text('as-of = "2025-06-01"\n', encoding="utf-8")
    return tmp_path


# -- positions -----------------------------------------------------------------------------------


def test_units_of_each_encoding():
    text = f"a浙{ASTRAL}"
    assert units(text, UTF16) == 4 and units(text, UTF8) == 1 + 3 + 4 and units(text, UTF32) == 3


@pytest.mark.parametrize("encoding", [UTF8, UTF16, UTF32])
def test_positions_round_trip_outside_the_bmp(encoding):
    lines = [f"x{ASTRAL}y{ZWSP}z", "第二行"]
    for column in range(1, len(lines[0]) + 2):
        line, character = to_client(lines, 1, column, encoding)
        assert line == 0 and character == units(lines[0][: column - 1], encoding)
        assert from_client(lines, line, character, encoding) == (1, column)
    assert to_client(lines, 1, 4, UTF16) == (0, 4)  # after x, the astral character (2) and y
    assert from_client(lines, 0, 2, UTF16) == (1, 2)  # inside the surrogate pair: its character


def test_positions_are_clamped():
    lines = ["ab", "c"]
    assert to_client(lines, 9, 1) == (1, 1) and to_client(lines, 1, 99) == (0, 2)
    assert from_client(lines, 5, 0) == (2, 2) and from_client([], 0, 0) == (1, 1)


# -- analysis ------------------------------------------------------------------------------------


def test_analysis_uses_the_workspace_configuration(workspace):
    path = workspace / "copy.md"
    result = analyse(FORGED, str(path))
    assert {f.code for f in result.findings} == FORGED_CODES and result.problem is None
    (workspace / "liclint.toml").write_text('as-of = "2025-06-01"\nignore = ["PRV"]\n', "utf-8")
    assert {f.code for f in analyse(FORGED, str(path)).findings} == FORGED_CODES - {
        "PRV005",
        "PRV003",
    }  # the configuration is read again when it changes


def test_a_text_that_is_not_a_license_has_no_findings(workspace):
    result = analyse(example("README.md"), str(workspace / "README.md"))
    assert result.findings == [] and result.document is None and result.problem is None


def test_a_broken_configuration_is_one_problem(tmp_path):
    (tmp_path / "liclint.toml").write_text('selec = ["DAT"]\n', encoding="utf-8")
    result = analyse(FORGED, str(tmp_path / "copy.md"))
    assert result.findings == [] and "unknown key 'selec'" in result.problem


def test_a_crash_is_one_problem_not_an_exception(workspace, monkeypatch):
    def boom(*args):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(analysis, "parse_document", boom)
    result = analyse(FORGED, str(workspace / "copy.md"))
    assert result.findings == [] and "internal error: RuntimeError: kaboom" in result.problem


def test_excluded_copies_are_not_checked(workspace):
    (workspace / "liclint.toml").write_text('exclude = ["drafts/*"]\n', encoding="utf-8")
    assert analyse(FORGED, str(workspace / "drafts" / "copy.md")).findings == []
    assert analyse(FORGED, str(workspace / "copy.md")).findings


def test_hover_on_the_number_gives_its_parsed_value(workspace):
    result = analyse(FORGED, str(workspace / "copy.md"))
    column = LINES[NUMBER_LINE].index("浙") + 2
    text = hover(result, NUMBER_LINE + 1, column)
    assert "浙B2-20230517" in text and "浙江省" in text and "第二类增值电信业务" in text
    assert "front page, line 5" in text and "first issued: 2023" in text


def test_hover_on_a_date_and_on_a_finding(workspace):
    result = analyse(FORGED, str(workspace / "copy.md"))
    expiry = next(i for i, line in enumerate(LINES) if line.startswith("有效期至"))
    assert "2028-05-17" in hover(result, expiry + 1, 8)
    issued = next(f for f in result.findings if f.code == "DAT001")
    text = hover(result, issued.line, issued.column + 1)
    assert "not a date" in text  # the field
    assert (
        "**DAT001** invalid-date (error)" in text and "Why:" in text and "rules.md#dat001" in text
    )
    assert hover(result, 2, 1) is None  # a blank line


def test_hover_on_the_scope_lists_its_businesses(workspace):
    result = analyse(FORGED, str(workspace / "copy.md"))
    line = next(i for i, row in enumerate(LINES) if "仅限互联网信息服务" in row) + 1
    text = hover(result, line, LINES[line - 1].index("信息服务") + 1)
    assert (
        "business: 信息服务业务 (仅限互联网信息服务)" in text and "不含: 信息搜索查询服务" in text
    )


def test_fixes_remove_only_invisible_characters(workspace):
    text = TAMPERED.replace("二、你公司", "二、你\u202e公司", 1)
    result = analyse(text, str(workspace / "copy.md"))
    found = fixes(result)
    assert sorted(fix.text for fix in found) == sorted([ZWSP, "\u202e"])
    assert {fix.finding.code for fix in found} == {"TXT001", "TXT002"}
    for fix in found:
        line = result.lines[fix.line - 1]
        assert line[fix.column - 1 : fix.end_column - 1] == fix.text
    assert "U+200B Zero Width Space" in next(f.title for f in found if f.text == ZWSP)
    assert not any(f.code in ("TXT003", "TXT004") for f in (fix.finding for fix in found))


def test_no_fix_when_the_text_moved_under_the_finding(workspace):
    result = analyse(TAMPERED, str(workspace / "copy.md"))
    line = next(i for i, row in enumerate(result.lines) if ZWSP in row)
    result.lines[line] = result.lines[line].replace(ZWSP, "")  # the editor's text changed since
    assert fixes(result) == []


def test_server_without_pygls_is_a_one_line_error(tmp_path):
    blocker = tmp_path / "sitecustomize.py"  # pygls cannot be imported in this process
    blocker.write_text(
        "import sys\nclass Block:\n    def find_spec(self, name, *a):\n"
        "        if name.split('.')[0] in ('pygls', 'lsprotocol'):\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "sys.meta_path.insert(0, Block())\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "liclint", "server"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.strip().splitlines() == [
        "liclint: error: server needs pygls and lsprotocol (lsprotocol is missing): "
        "pip install 'liclint[server]'"
    ]


# -- end to end: a real client over stdio --------------------------------------------------------

if HAVE_LSP:
    import pytest_lsp
    from lsprotocol import types
    from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

    #: the two kinds of change (lsprotocol 2023 names them by number)
    PARTIAL = getattr(types, "TextDocumentContentChangePartial", None) or getattr(
        types, "TextDocumentContentChangeEvent_Type1", None
    )
    WHOLE = getattr(types, "TextDocumentContentChangeWholeDocument", None) or getattr(
        types, "TextDocumentContentChangeEvent_Type2", None
    )

    def capabilities(spec: str):
        try:
            return client_capabilities(spec)
        except ValueError:  # an older pytest-lsp without this client's capabilities
            pytest.skip(f"pytest-lsp has no capabilities of {spec}")

    #: a short debounce keeps the tests quick; bench/server.py measures the default
    SERVER = ClientServerConfig(
        server_command=[sys.executable, "-m", "liclint", "server", "--debounce", "50"]
    )

    @pytest_lsp.fixture(config=SERVER, params=["visual-studio-code"])
    async def client(lsp_client: LanguageClient, request, workspace):
        await lsp_client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities(request.param),
                root_uri=workspace.as_uri(),
                workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="w")],
            )
        )
        yield
        await lsp_client.shutdown_session()  # shutdown, exit: the server process ends, with 0
        assert lsp_client._server.returncode == 0

    @pytest_lsp.fixture(config=SERVER, params=["emacs", "neovim@v0.11.0", "visual-studio-code"])
    async def any_client(lsp_client: LanguageClient, request, workspace):
        started = await lsp_client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities(request.param), root_uri=workspace.as_uri()
            )
        )
        # pygls 2 takes the first encoding the client offers that it knows; pygls 1, UTF-16
        negotiated = started.capabilities.position_encoding or UTF16
        lsp_client.encoding = getattr(negotiated, "value", negotiated)
        yield
        await lsp_client.shutdown_session()  # shutdown, exit: the server process ends, with 0
        assert lsp_client._server.returncode == 0


async def _diagnostics(client, uri):
    await asyncio.wait_for(client.wait_for_notification("textDocument/publishDiagnostics"), 30)
    while client.diagnostics.get(uri) is None:
        await asyncio.sleep(0.01)
    return client.diagnostics[uri]


def _open(client, uri, text, version=1):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="markdown", version=version, text=text
            )
        )
    )


def _position(lines, line, column, encoding=UTF16):
    return types.Position(*to_client(lines, line, column, encoding))


def _apply(text: str, edits) -> str:
    """The text after the edits (of one line each, given in UTF-16 units)."""
    lines = text.split("\n")
    for edit in sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        start, end = edit.range.start, edit.range.end
        assert start.line == end.line
        row = lines[start.line]
        a = from_client(lines, start.line, start.character)[1] - 1
        b = from_client(lines, end.line, end.character)[1] - 1
        lines[start.line] = row[:a] + edit.new_text + row[b:]
    return "\n".join(lines)


@needs_lsp
@pytest.mark.asyncio
async def test_open_change_hover_fix_and_shut_down(client, workspace):
    path = workspace / "copy.md"
    path.write_text(FORGED, encoding="utf-8")
    uri = path.as_uri()

    _open(client, uri, FORGED)
    diagnostics = await _diagnostics(client, uri)
    assert {d.code for d in diagnostics} == FORGED_CODES
    number = next(d for d in diagnostics if d.code == "NUM005")
    assert number.range.start == types.Position(line=75, character=9)  # 76:10, 0-based
    assert number.range.end == types.Position(line=75, character=21)
    assert number.severity == types.DiagnosticSeverity.Error and number.source == "liclint"
    assert number.code_description.href.endswith("rules.md#num005-inconsistent-number-error")

    # a change: a zero-width space after a character outside the BMP (two UTF-16 units)
    line = LINES.index(REPRESENTATIVE)
    column = len("法定代表人：林")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                PARTIAL(
                    range=types.Range(
                        start=types.Position(line=line, character=column),
                        end=types.Position(line=line, character=column),
                    ),
                    text=ASTRAL + ZWSP,
                )
            ],
        )
    )
    diagnostics = await _diagnostics(client, uri)
    invisible = next(d for d in diagnostics if d.code == "TXT002")
    assert invisible.range.start == types.Position(line=line, character=column + 2)
    assert invisible.range.end == types.Position(line=line, character=column + 3)
    assert invisible.severity == types.DiagnosticSeverity.Warning

    # hover: the number's parsed value; a finding's explanation
    lines = TAMPERED.split("\n")
    result = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=NUMBER_LINE, character=LINES[NUMBER_LINE].index("B")),
        )
    )
    assert "浙江省" in result.contents.value and "B2" in result.contents.value
    result = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=invisible.range.start
        )
    )
    assert "TXT002" in result.contents.value and "Why:" in result.contents.value

    # the code action on the invisible character removes it, and only it
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=invisible.range,
            context=types.CodeActionContext(diagnostics=[invisible]),
        )
    )
    assert [a.kind for a in actions] == [types.CodeActionKind.QuickFix]
    fix = actions[0]
    assert fix.title == "Remove the invisible character U+200B Zero Width Space"
    assert fix.diagnostics[0].code == "TXT002" and fix.is_preferred
    fixed = _apply(TAMPERED, fix.edit.changes[uri])
    assert fixed == TAMPERED.replace(ZWSP, "") and ASTRAL in fixed
    whole = await client.text_document_code_action_async(  # as an editor asks on save
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(
                start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)
            ),
            context=types.CodeActionContext(
                diagnostics=[], only=[types.CodeActionKind.SourceFixAll]
            ),
        )
    )
    assert [a.kind for a in whole] == ["source.fixAll.liclint"]
    assert _apply(TAMPERED, whole[0].edit.changes[uri]) == fixed
    on_the_number = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=_position(lines, 5, 9), end=_position(lines, 5, 21)),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    assert not on_the_number  # nothing on the license's content

    # the editor applies the fix: a full-text change; then a save
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[WHOLE(text=fixed)],
        )
    )
    diagnostics = await _diagnostics(client, uri)
    assert "TXT002" not in {d.code for d in diagnostics}
    path.write_text(fixed, encoding="utf-8")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert "TXT002" not in {d.code for d in await _diagnostics(client, uri)}


@needs_lsp
@pytest.mark.asyncio
async def test_not_a_license_and_a_broken_configuration(client, workspace):
    readme = (workspace / "README.md").as_uri()
    _open(client, readme, example("README.md"))
    assert list(await _diagnostics(client, readme)) == []
    (workspace / "sub").mkdir()
    (workspace / "sub" / "liclint.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    broken = (workspace / "sub" / "copy.md").as_uri()
    _open(client, broken, FORGED)
    [problem] = await _diagnostics(client, broken)
    assert problem.range.start == types.Position(line=0, character=0)
    assert "liclint.toml" in problem.message and "fail-on" in problem.message
    assert problem.severity == types.DiagnosticSeverity.Error


@needs_lsp
@pytest.mark.asyncio
async def test_ranges_in_the_negotiated_encoding(any_client, workspace):
    """Emacs offers UTF-32 first, Neovim 0.11 UTF-8, VS Code nothing (UTF-16)."""
    encoding = any_client.encoding
    uri = (workspace / "copy.md").as_uri()
    _open(any_client, uri, TAMPERED)
    diagnostics = await _diagnostics(any_client, uri)
    invisible = next(d for d in diagnostics if d.code == "TXT002")
    lines = TAMPERED.split("\n")
    line = lines.index(f"法定代表人：林{ASTRAL}{ZWSP}晓舟")
    prefix = f"法定代表人：林{ASTRAL}"
    assert invisible.range.start == types.Position(line=line, character=units(prefix, encoding))
    assert invisible.range.end.character == units(prefix + ZWSP, encoding)
