"""TLS (tls_cert/tls_key): praxisd serves HTTPS and WSS only, on one port."""
import http.client
import json
import ssl
import subprocess

import websockets

from praxis_harness import ADMIN_EMAIL, ADMIN_PASSWORD, WAIT, async_test


def self_signed(tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    context = ssl.create_default_context(cafile=str(cert))
    return cert, key, context


def https(server, context, method, path, body=None):
    conn = http.client.HTTPSConnection("127.0.0.1", server.port, context=context, timeout=WAIT)
    conn.request(method, path, body=json.dumps(body) if body else None,
                 headers={"Content-Type": "application/json"} if body else {})
    resp = conn.getresponse()
    return resp.status, resp.read(), resp.getheader("Set-Cookie") or ""


@async_test
async def test_https_and_wss(start_praxis, tmp_path):
    cert, key, context = self_signed(tmp_path)
    server = start_praxis({"tls-cert": str(cert), "tls-key": str(key)})
    status, body, _ = https(server, context, "GET", "/healthz")
    assert status == 200 and json.loads(body)["status"] == "ok", body
    status, body, cookie = https(server, context, "POST", "/api/login",
                                 {"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
    assert status == 200, body
    assert "Secure" in cookie, f"the session cookie lacks Secure under TLS: {cookie}"
    token = json.loads(body)["token"]
    async with websockets.connect(f"wss://127.0.0.1:{server.port}/ws", ssl=context,
                                  extra_headers={"Authorization": f"Bearer {token}"}) as ws:
        await ws.send(json.dumps({"type": "hello", "version": 1}))
        welcome = json.loads((await ws.recv()).split("\n")[0])
        assert welcome["type"] == "welcome", welcome


def test_plain_http_is_refused(start_praxis, tmp_path):
    cert, key, _ = self_signed(tmp_path)
    server = start_praxis({"tls-cert": str(cert), "tls-key": str(key)})
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=WAIT)
    try:
        conn.request("GET", "/healthz")
        status = conn.getresponse().status
    except (ConnectionError, http.client.HTTPException, OSError):
        status = None
    assert status is None, f"plain HTTP got an answer ({status}) from a TLS-only server"
