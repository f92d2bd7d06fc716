"""``liclint server``: the Language Server Protocol over stdio (on pygls, the ``server`` extra).

What a copy's diagnostics, hovers and fixes are (:mod:`.analysis`) and how positions become the
client's units (:mod:`.positions`) need neither pygls nor lsprotocol; only :mod:`.lsp` imports
them, when the server starts.
"""
