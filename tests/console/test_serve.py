import http.client
import json
import threading

import pytest

from console.commands.serve import make_server
from engine.avatars import flow
from tests.engine.avatars.conftest import make_people


@pytest.fixture
def server(workspace):
    make_people(workspace, n=12)
    flow.assign_all(workspace)
    srv = make_server(workspace, "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(timeout=5)


def get(srv, path, headers=None):
    conn = http.client.HTTPConnection(*srv.server_address[:2], timeout=10)
    conn.request("GET", path, headers=headers or {})
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r, body


def test_binds_loopback_and_serves_png_with_etag(server):
    assert server.server_address[0] == "127.0.0.1"
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
    conn = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
    for uid in ("c0001", "c0002", "c0003", "c0001"):
        conn.request("GET", f"/avatars/{uid}.png?size=64")
        r = conn.getresponse()
        assert r.status == 200 and len(r.read()) > 100
    conn.close()
