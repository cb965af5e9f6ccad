"""The expressions pane: live face preview, blendshape bars, expression timeline, capture + push."""
