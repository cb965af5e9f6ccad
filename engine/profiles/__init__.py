"""Customer profiles derived from IM chats: import, extraction (text + OCR), editing, closeness."""
