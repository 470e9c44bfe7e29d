"""A flood of half-open handshakes and idle connections is closed by the server's
timeouts while real clients are served (issue #4):
* TCP connections that send nothing, half a request line, headers without their end,
  or a body shorter than its Content-Length: closed after request_timeout_seconds;
* WebSocket upgrades cut off half-way: the same;
* WebSocket connections that complete the upgrade and then stay silent (no hello, no
  answer to the server's pings): closed by idle_timeout_seconds;
meanwhile two members keep chatting, and new HTTP requests and WebSocket
connections are answered."""
import asyncio
import base64
import os
import time

from praxis_harness import FAST, SCALE, WAIT, async_test, connect, make_room

REQUEST_TIMEOUT = 2
HANDSHAKE_TIMEOUT = 2
IDLE_TIMEOUT = 3
SLACK = 10 * SCALE  # past the timeout, how late a close may come (a loaded 2-core machine, ASan)
PER_KIND = 80  # flood connections of each kind
SILENT_WS = 30  # upgraded WebSockets that never speak (under max_connections_per_address)


def partial_requests(port: int, token: str) -> dict[str, bytes]:
    key = base64.b64encode(os.urandom(16))
    return {
        "nothing": b"",
        "half a request line": b"GET /heal",
        "headers without their end": b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n",
        "short body": b"POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 1000\r\n\r\n{\"email\": ",
        "half an upgrade": b"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           b"Sec-WebSocket-Key: %s\r\n" % (port, key),
        "idle after a response": b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",  # keep-alive, then silence
    }


def upgrade_request(port: int, token: str) -> bytes:
    key = base64.b64encode(os.urandom(16))
    return (b"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer %s\r\n\r\n"
            % (port, key, token.encode()))


async def hold(port: int, request: bytes, started: float):
    """Opens a connection, sends request, then only reads (never answers) until the
    server ends it. Returns (seconds from `started` to the end, bytes received)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        if request:
            writer.write(request)
            await writer.drain()
        got = 0
        while True:
            try:
                chunk = await reader.read(65536)
            except (ConnectionResetError, BrokenPipeError):
                break
            if not chunk:
                break
            got += len(chunk)
        return time.monotonic() - started, got
    finally:
        writer.transport.abort()


@async_test
async def test_half_open_and_idle_flood_is_timed_out_while_chat_goes_on(start_praxis):
    server = start_praxis({**FAST, "request-timeout-seconds": REQUEST_TIMEOUT,
                           "handshake-timeout-seconds": HANDSHAKE_TIMEOUT,
                           "idle-timeout-seconds": IDLE_TIMEOUT,
                           "max-connections-per-address": SILENT_WS + 10,
                           # Every flood socket comes from 127.0.0.1: this test is about
                           # timeouts, not the per-address cap (test_limits covers that).
                           "max-http-connections-per-address": 10 * PER_KIND + SILENT_WS})
    ann = await connect(server, server.new_user("Ann"))
    ben = await connect(server, server.new_user("Ben"))
    room = await make_room(ann, ben)
    silent_user = server.new_user("Silent")

    stop = asyncio.Event()
    latencies = []

    async def chat():
        """Ann posts every 100 ms; Ben must receive each one."""
        i = 0
        while not stop.is_set():
            t0 = time.monotonic()
            ack = await ann.post(room, f"still here {i}")
            await ben.event(room, ack["seq"])
            latencies.append(time.monotonic() - t0)
            i += 1
            await asyncio.sleep(0.1)

    async def newcomers():
        """New HTTP requests and WebSocket sessions are served during the flood."""
        served = 0
        while not stop.is_set():
            resp = await asyncio.to_thread(server.http, "GET", "/healthz")
            assert resp.status == 200, f"/healthz during the flood: {resp}"
            carl = await connect(server, ben.user, token=ben.user.token, label="newcomer")
            await carl.ping()
            await carl.close()
            served += 1
            await asyncio.sleep(0.3)
        return served

    chatter = asyncio.create_task(chat())
    newcomer = asyncio.create_task(newcomers())
    started = time.monotonic()
    kinds = partial_requests(server.port, silent_user.token)
    flood = {kind: [asyncio.create_task(hold(server.port, req, started)) for _ in range(PER_KIND)]
             for kind, req in kinds.items()}
    flood["silent WebSocket"] = [asyncio.create_task(hold(server.port, upgrade_request(server.port, silent_user.token),
                                                          started)) for _ in range(SILENT_WS)]
    limits = {kind: REQUEST_TIMEOUT for kind in kinds}
    # Beast's idle timeout: a ping after half of it, the close when the other half passes unanswered.
    limits["silent WebSocket"] = IDLE_TIMEOUT

    try:
        results = {kind: await asyncio.wait_for(asyncio.gather(*tasks), limits[kind] + SLACK + WAIT)
                   for kind, tasks in flood.items()}
    except asyncio.TimeoutError:
        open_kinds = [k for k, ts in flood.items() if not all(t.done() for t in ts)]
        raise AssertionError(f"flood connections still open long after their timeouts: {open_kinds}") from None
    finally:
        stop.set()
    await chatter
    served = await newcomer

    for kind, ends in results.items():
        slowest = max(t for t, _ in ends)
        assert slowest <= limits[kind] + SLACK, \
            f"{kind}: the last of {len(ends)} connections was closed after {slowest:.1f}s (timeout {limits[kind]}s)"
        earliest = min(t for t, _ in ends)
        assert earliest >= limits[kind] * 0.5, \
            f"{kind}: closed after {earliest:.1f}s, well before the {limits[kind]}s timeout"
    upgraded = [got for _, got in results["silent WebSocket"]]
    assert all(got > 0 for got in upgraded), "a silent WebSocket got no 101 answer"

    assert latencies and served, "the real clients did nothing during the flood"
    assert not ann.closed and not ben.closed, "a chatting client was dropped"
    worst = max(latencies)
    assert worst < 5 * SCALE, f"a post took {worst:.1f}s to be acknowledged and delivered during the flood"
    print(f"{len(latencies)} posts during the flood, slowest round trip {worst * 1000:.0f} ms; "
          f"{served} newcomers served; closes: " +
          ", ".join(f"{k} {min(t for t, _ in v):.1f}-{max(t for t, _ in v):.1f}s" for k, v in results.items()))
