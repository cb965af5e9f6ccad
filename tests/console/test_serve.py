import http.client
import json
import socket

import pytest

from console.commands.serve import make_server
from engine.avatars import flow
from tests.engine.avatars.conftest import make_people


@pytest.fixture
def server(workspace):
    make_people(workspace, n=12)
    flow.assign_all(workspace)
    srv = make_server(workspace, "127.0.0.1", 0)
    srv.start()
    yield srv
    srv.stop()


def get(srv, path, headers=None):
    conn = http.client.HTTPConnection(*srv.address, timeout=10)
    conn.request("GET", path, headers=headers or {})
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r, body


def test_binds_loopback_and_serves_png_with_etag(server):
    assert server.address[0] == "127.0.0.1"
    r, body = get(server, "/avatars/c0001.png?size=128")
    assert r.status == 200 and r.getheader("Content-Type") == "image/png"
    assert body[:8] == b"\x89PNG\r\n\x1a\n"
    etag = r.getheader("ETag")
    assert etag and "max-age" in r.getheader("Cache-Control")
    r2, body2 = get(server, "/avatars/c0001.png?size=128", {"If-None-Match": etag})
    assert r2.status == 304 and body2 == b""
    r3, body3 = get(server, "/avatars/c0001.svg?size=64")
    assert r3.status == 200 and body3.startswith(b"<svg") and "svg" in r3.getheader("Content-Type")


def test_errors(server):
    r, body = get(server, "/avatars/ghost.png")
    assert r.status == 404 and "ghost" in json.loads(body)["error"]
    assert get(server, "/avatars/c0001.png?size=1024")[0].status == 400
    assert get(server, "/avatars/c0001.png?size=abc")[0].status == 400
    assert get(server, "/avatars/c0001.gif")[0].status == 404
    assert get(server, "/elsewhere")[0].status == 404
    assert get(server, "/healthz")[0].status == 200


def test_keep_alive_connection_serves_many_requests(server):
    conn = http.client.HTTPConnection(*server.address, timeout=10)
    for uid in ("c0001", "c0002", "c0003", "c0001"):
        conn.request("GET", f"/avatars/{uid}.png?size=64")
        r = conn.getresponse()
        assert r.status == 200 and len(r.read()) > 100
    conn.close()


def test_head_post_and_garbage(server):
    conn = http.client.HTTPConnection(*server.address, timeout=10)
    conn.request("HEAD", "/avatars/c0001.png")
    r = conn.getresponse()
    assert r.status == 200 and r.read() == b"" and int(r.getheader("Content-Length")) > 100
    conn.request("POST", "/avatars/c0001.png")
    r = conn.getresponse()
    r.read()
    assert r.status == 405
    conn.close()
    with socket.create_connection(server.address, timeout=10) as s:
        s.sendall(b"NONSENSE\r\n\r\n")
        assert s.recv(200).startswith(b"HTTP/1.1 400")
    assert get(server, "/avatars/c0002.png")[0].status == 200  # still serving


def test_http_1_0_closes_after_the_answer(server):
    with socket.create_connection(server.address, timeout=10) as s:
        s.sendall(b"GET /healthz HTTP/1.0\r\n\r\n")
        data = b""
        while chunk := s.recv(4096):
            data += chunk
    assert data.startswith(b"HTTP/1.1 200") and b"Connection: close" in data
