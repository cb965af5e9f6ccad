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
from urllib.parse import parse_qs, unquote, urlsplit

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
        server = await asyncio.start_server(self._connection, self.host, self.port, backlog=512)
        self.address = server.sockets[0].getsockname()[:2]
        if ready is not None:
            ready.set()
        try:
            async with server:
                await self._stop.wait()
        finally:
            for w in list(self._writers):
                w.close()
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
    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while True:
                line = await asyncio.wait_for(reader.readline(), IDLE_TIMEOUT_S)
                if not line:
                    break
                parts = line.decode("latin-1").split()
                headers: dict[str, str] = {}
                for _ in range(MAX_HEADERS + 1):
                    h = await asyncio.wait_for(reader.readline(), IDLE_TIMEOUT_S)
                    if h in (b"\r\n", b"\n", b""):
                        break
                    k, _, v = h.decode("latin-1").partition(":")
                    headers[k.strip().lower()] = v.strip()
                else:
                    await self._write(writer, *_json(413, "too many headers"), head=False,
                                      keep=False)
                    break
                if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
                    await self._write(writer, *_json(400, "malformed request line"), head=False,
                                      keep=False)
                    break
                method, target, version = parts
                if headers.get("content-length", "0") not in ("", "0"):
                    await self._write(writer, *_json(413, "requests carry no body"), head=False,
                                      keep=False)
                    break
                conn = headers.get("connection", "").lower()
                keep = (version == "HTTP/1.1" and conn != "close") or conn == "keep-alive"
                status, body, hdrs = await self._respond(method, target, headers)
                await self._write(writer, status, body, hdrs, head=method == "HEAD", keep=keep)
                if not keep:
                    break
        except (asyncio.TimeoutError, ConnectionError, asyncio.IncompleteReadError,
                asyncio.LimitOverrunError, ValueError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    async def _write(self, writer, status: int, body: bytes, headers: dict, *, head: bool,
                     keep: bool) -> None:
        lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'OK')}",
                 f"Content-Length: {len(body)}", "Connection: " + ("keep-alive" if keep else "close")]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        if body and not head and status != 304:
            writer.write(body)
        await writer.drain()

    async def _respond(self, method: str, target: str, headers: dict) -> tuple[int, bytes, dict]:
        if method not in ("GET", "HEAD"):
            status, body, hdrs = _json(405, "use GET")
            return status, body, {**hdrs, "Allow": "GET, HEAD"}
        parts = urlsplit(target)
        if parts.path == "/healthz":
            return _json(200, {"ok": True})
        m = ROUTE.match(parts.path)
        if not m:
            return _json(404, "not found: use /avatars/<user_id>.png?size=128")
        sizes = parse_qs(parts.query).get("size", ["128"])
        if len(sizes) != 1:
            return _json(400, "give size once")
        user, fmt, inm = unquote(m["user"]), m["fmt"], headers.get("if-none-match")
        reply = self.service.get_cached(user, fmt, sizes[0], inm)
        if reply is None:
            try:
                reply = await self._loop.run_in_executor(self._pool, self.service.get, user, fmt,
                                                         sizes[0], inm)
            except Exception as exc:  # noqa: BLE001 - answer 500 and keep serving
                log.exception("avatar request failed")
                return _json(500, f"{type(exc).__name__}: {exc}")
        return reply.status, reply.body, reply.headers


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
