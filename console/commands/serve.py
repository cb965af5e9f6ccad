"""``operator-console serve``: the HTTP endpoint apps fetch default avatars from.

    GET /avatars/<user_id>.png?size=128    (size 64–512, default 128)
    GET /avatars/<user_id>.svg?size=128
    GET /healthz

Answers carry ``ETag`` and ``Cache-Control``; a matching ``If-None-Match`` gets 304.  Unknown
users get 404, a bad size 400.  Binds 127.0.0.1 unless ``--host`` says otherwise.
"""
from __future__ import annotations

import json
import logging
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

log = logging.getLogger(__name__)
ROUTE = re.compile(r"^/avatars/(?P<user>[^/]+)\.(?P<fmt>png|svg)$")


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve default avatars over HTTP (GET /avatars/<id>.png)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 = any free)")
    p.add_argument("--max-age", type=int, default=300,
                   help="Cache-Control max-age in seconds (default 300)")
    p.set_defaults(handler=run)


class AvatarHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: apps fetch many avatars per screen
    server_version = "OperatorConsoleAvatars/1"

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._answer(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(head=True)

    def _answer(self, head: bool) -> None:
        parts = urlsplit(self.path)
        if parts.path == "/healthz":
            return self._send(200, json.dumps({"ok": True}).encode(),
                              {"Content-Type": "application/json"}, head)
        m = ROUTE.match(parts.path)
        if not m:
            return self._send(404, json.dumps({"error": "not found: use /avatars/<user_id>.png"})
                              .encode(), {"Content-Type": "application/json"}, head)
        query = parse_qs(parts.query)
        sizes = query.get("size", ["128"])
        if len(sizes) != 1:
            return self._send(400, b'{"error": "give size once"}',
                              {"Content-Type": "application/json"}, head)
        service = self.server.service  # type: ignore[attr-defined]
        try:
            reply = service.get(unquote(m["user"]), m["fmt"], sizes[0],
                                self.headers.get("If-None-Match"))
        except Exception as exc:  # noqa: BLE001 - answer 500 and keep serving
            log.exception("avatar request failed")
            return self._send(500, json.dumps({"error": f"{type(exc).__name__}: {exc}"}).encode(),
                              {"Content-Type": "application/json"}, head)
        self._send(reply.status, reply.body, reply.headers, head)

    def _send(self, status: int, body: bytes, headers: dict, head: bool) -> None:
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head and status != 304:
            self.wfile.write(body)

    def log_message(self, fmt, *args) -> None:  # quiet unless --verbose
        log.info("%s - %s", self.address_string(), fmt % args)


class AvatarServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def __init__(self, address, service) -> None:
        super().__init__(address, AvatarHandler)
        self.service = service


def make_server(ws, host: str = "127.0.0.1", port: int = 0, max_age: int = 300) -> AvatarServer:
    from engine.avatars.service import AvatarService

    return AvatarServer((host, port), AvatarService(ws, max_age=max_age))


def run(args) -> int:
    from engine.errors import InputError
    from engine.store import open_workspace

    ws = open_workspace(args.db)
    try:
        server = make_server(ws, args.host, args.port, args.max_age)
    except OSError as exc:
        ws.dispose()
        raise InputError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}",
                         place="--port") from exc
    host, port = server.server_address[:2]
    print(f"serving avatars on http://{host}:{port}/avatars/<user_id>.png "
          f"(workspace {ws.display_name}); Ctrl-C stops", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        server.server_close()
        ws.dispose()
    return 0
