"""``operator-console serve``: the HTTP endpoint apps fetch default avatars from.

    GET /avatars/<user_id>.png?size=128    (size 64–512, default 128)
    GET /avatars/<user_id>.svg?size=128
    GET /healthz

Answers carry ``ETag`` and ``Cache-Control``; a matching ``If-None-Match`` gets 304.  Unknown
users get 404, a bad size 400.  Binds 127.0.0.1 unless ``--host`` says otherwise.

A small HTTP/1.1 server on the standard library's asyncio: one event loop answers warm-cache hits
directly (no thread switch, no database), keep-alive connections are reused, and everything that
may block — a cache miss (database + rendering) or the once-a-second freshness check — runs in a
thread pool, so one slow request never stalls the others.
"""
from __future__ import annotations

import asyncio
import json
import logging
import re
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import unquote

log = logging.getLogger(__name__)
ROUTE = re.compile(r"^/avatars/(?P<user>[^/]+)\.(?P<fmt>png|svg)$")
REASONS = {200: "OK", 304: "Not Modified", 400: "Bad Request", 404: "Not Found",
           405: "Method Not Allowed", 413: "Payload Too Large", 500: "Internal Server Error"}
MAX_HEADERS = 100
IDLE_TIMEOUT_S = 30.0


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve default avatars over HTTP (GET /avatars/<id>.png)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 = any free)")
    p.add_argument("--max-age", type=int, default=300,
                   help="Cache-Control max-age in seconds (default 300)")
    p.add_argument("--workers", type=int, default=4,
                   help="threads for cache misses (default 4)")
    p.set_defaults(handler=run)


def _json(status: int, message: str) -> tuple[int, bytes, dict]:
    return status, json.dumps({"error": message} if status >= 400 else message,
                              ensure_ascii=False).encode("utf-8"), \
        {"Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"}


class AvatarHTTPServer:
    """The endpoint over an :class:`engine.avatars.service.AvatarService`."""

    def __init__(self, service, host: str = "127.0.0.1", port: int = 0, workers: int = 4) -> None:
        self.service = service
        self.host, self.port = host, port
        self.address: tuple[str, int] | None = None
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="avatar-miss")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._writers: set = set()

    # -- lifecycle ---------------------------------------------------------------------------
    async def serve(self, ready: threading.Event | None = None) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        server = await self._loop.create_server(lambda: _HTTPProtocol(self), self.host, self.port,
                                                backlog=512)
        self.address = server.sockets[0].getsockname()[:2]
        if ready is not None:
            ready.set()
        try:
            async with server:
                await self._stop.wait()
        finally:
            for conn in list(self._writers):
                conn.close()
            self._pool.shutdown(wait=True)

    def start(self) -> tuple[str, int]:
        """Serve on a background thread (tests, benchmarks); returns the bound address."""
        ready = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self.serve(ready)),
                                        name="avatar-http", daemon=True)
        self._thread.start()
        if not ready.wait(30):
            raise RuntimeError("the avatar server did not start")
        return self.address

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(timeout=10)

    # -- HTTP ----------------------------------------------------------------------------------
    def route(self, method: str, target: str, headers: dict):
        """(status, body, headers) at once, or the arguments of ``service.get`` to run off-loop."""
        if method not in ("GET", "HEAD"):
            status, body, hdrs = _json(405, "use GET")
            return status, body, {**hdrs, "Allow": "GET, HEAD"}
        path, _, query = target.partition("?")
        if path == "/healthz":
            return _json(200, {"ok": True})
        m = ROUTE.match(path)
        if not m:
            return _json(404, "not found: use /avatars/<user_id>.png?size=128")
        sizes = [p[5:] for p in query.split("&") if p.startswith("size=")] or ["128"]
        if len(sizes) != 1:
            return _json(400, "give size once")
        user, fmt, inm = unquote(m["user"]), m["fmt"], headers.get("if-none-match")
        reply = self.service.get_cached(user, fmt, sizes[0], inm)
        if reply is None:
            return (user, fmt, sizes[0], inm)
        return reply.status, reply.body, reply.headers


class _HTTPProtocol(asyncio.Protocol):
    """One client connection: parse requests from the byte stream, answer in order.

    Requests are handled one at a time per connection (pipelined ones wait in the buffer);
    a cache miss runs ``service.get`` in the thread pool and the answer is written when it is
    done, while other connections keep being served by the loop.
    """

    MAX_HEAD = 16 * 1024

    def __init__(self, server: AvatarHTTPServer) -> None:
        self.server = server
        self.buf = bytearray()
        self.transport = None
        self.busy = False
        self.closing = False
        self.idle = None

    def connection_made(self, transport) -> None:
        self.transport = transport
        self.server._writers.add(self)
        self._touch()

    def connection_lost(self, exc) -> None:
        self.server._writers.discard(self)
        if self.idle is not None:
            self.idle.cancel()

    def close(self) -> None:
        self.closing = True
        if self.transport is not None:
            self.transport.close()

    def _touch(self) -> None:
        if self.idle is not None:
            self.idle.cancel()
        self.idle = self.server._loop.call_later(IDLE_TIMEOUT_S, self.close)

    def data_received(self, data: bytes) -> None:
        self.buf += data
        self._touch()
        self._drain()

    def _drain(self) -> None:
        while not self.busy and not self.closing:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                if len(self.buf) > self.MAX_HEAD:
                    self._send(*_json(413, "request head too large"), head=False, keep=False)
                return
            head = bytes(self.buf[:end]).decode("latin-1")
            del self.buf[:end + 4]
            self._request(head)

    def _request(self, head: str) -> None:
        lines = head.split("\r\n")
        parts = lines[0].split()
        if len(parts) != 3 or not parts[2].startswith("HTTP/1.") or len(lines) > MAX_HEADERS:
            return self._send(*_json(400, "malformed request"), head=False, keep=False)
        method, target, version = parts
        headers = {}
        for line in lines[1:]:
            k, _, v = line.partition(":")
            headers[k.strip().lower()] = v.strip()
        if headers.get("content-length", "0") not in ("", "0"):
            return self._send(*_json(413, "requests carry no body"), head=False, keep=False)
        conn = headers.get("connection", "").lower()
        keep = (version == "HTTP/1.1" and conn != "close") or conn == "keep-alive"
        is_head = method == "HEAD"
        answer = self.server.route(method, target, headers)
        if len(answer) == 3:
            return self._send(*answer, head=is_head, keep=keep)
        self.busy = True
        fut = self.server._loop.run_in_executor(self.server._pool, self.server.service.get, *answer)
        fut.add_done_callback(lambda f: self._finish(f, is_head, keep))

    def _finish(self, fut, is_head: bool, keep: bool) -> None:
        self.busy = False
        try:
            reply = fut.result()
            answer = (reply.status, reply.body, reply.headers)
        except Exception as exc:  # noqa: BLE001 - answer 500 and keep serving
            log.exception("avatar request failed")
            answer = _json(500, f"{type(exc).__name__}: {exc}")
        if self.closing:
            return
        self._send(*answer, head=is_head, keep=keep)
        self._drain()

    def _send(self, status: int, body: bytes, headers: dict, *, head: bool, keep: bool) -> None:
        lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'OK')}",
                 f"Content-Length: {len(body)}", "Connection: " + ("keep-alive" if keep else "close")]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        if body and not head and status != 304:
            data += body
        self.transport.write(data)
        if not keep:
            self.closing = True
            self.transport.close()


def make_server(ws, host: str = "127.0.0.1", port: int = 0, max_age: int = 300,
                workers: int = 4) -> AvatarHTTPServer:
    from engine.avatars.service import AvatarService

    return AvatarHTTPServer(AvatarService(ws, max_age=max_age), host, port, workers)


def run(args) -> int:
    from engine.errors import InputError
    from engine.store import open_workspace

    ws = open_workspace(args.db)
    server = make_server(ws, args.host, args.port, args.max_age, args.workers)
    ready = threading.Event()

    async def main() -> None:
        task = asyncio.create_task(server.serve(ready))
        while not ready.is_set() and not task.done():
            await asyncio.sleep(0.01)
        if task.done():
            task.result()
        host, port = server.address
        print(f"serving avatars on http://{host}:{port}/avatars/<user_id>.png "
              f"(workspace {ws.display_name}); Ctrl-C stops", flush=True)
        await task

    try:
        asyncio.run(main())
    except OSError as exc:
        raise InputError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}",
                         place="--port") from exc
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        ws.dispose()
    return 0
