"""Harness for the black-box tests of praxisd (protocol/PROTOCOL.md).

* Praxisd: one server process on a free port with its own data directory, its
  output captured to a file; stopped with SIGTERM (exit code 0 expected) at the end.
* HTTP helpers on http.client (so a test can pick its source address, 127.0.0.x).
* Client: an asyncio WebSocket client that records every server message, splits
  frames on '\\n' and matches replies to requests by `rid`.
* RawWebSocket: a WebSocket on a plain socket, for tests that must not read.

Every wait is a deadline, never a fixed sleep, and generous (about ten times what an
AddressSanitizer build needs): a fast server passes quickly, a slow one still passes.
PRAXIS_TIMEOUT_SCALE multiplies all of them.
"""
from __future__ import annotations

import asyncio
import base64
import functools
import hashlib
import http.client
import itertools
import json
import os
import re
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import websockets
from websockets.exceptions import ConnectionClosed, InvalidStatusCode

PRAXISD = os.environ.get("PRAXISD", "")
SCALE = float(os.environ.get("PRAXIS_TIMEOUT_SCALE", "1"))
WAIT = 30.0 * SCALE  # one reply, event, close or process start
SCENARIO = 600.0 * SCALE  # one whole test body

ADMIN_EMAIL = "admin@praxis.test"
ADMIN_PASSWORD = "admin password 1"
ADMIN_NAME = "Admin"
# Rate limits that never get in the way of tests that are not about them.
FAST = {"messages-per-second": 100000, "messages-burst": 100000,
        "actions-per-second": 100000, "actions-burst": 100000,
        "reads-per-second": 100000, "reads-burst": 100000,
        "queries-per-second": 100000, "queries-burst": 100000,
        "typing-per-second": 100000, "typing-burst": 100000}
SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:")
SETUP_LINK = re.compile(r"setup\?token=([A-Za-z0-9_-]+)")


# --------------------------------------------------------------------------- process


class Praxisd:
    """One praxisd process (restartable on the same data directory)."""

    def __init__(self, workdir: Path, flags: dict | None = None, *, admin=True, env=None):
        if not PRAXISD:
            pytest.skip("PRAXISD is not set (path of the praxisd binary)")
        assert os.access(PRAXISD, os.X_OK), f"PRAXISD={PRAXISD} is not an executable file"
        self.workdir = workdir
        self.data_dir = workdir / "data"
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.port_file = workdir / "port"
        self.flags = {"kdf-memory-kib": 1024, **(flags or {})}
        self.admin = admin
        self.env = env
        self.proc: subprocess.Popen | None = None
        self.preexec = None  # run in the child before exec (e.g. a lower RLIMIT_NOFILE)
        self.stopping = False  # SIGTERM/SIGINT sent: a second one could cut the graceful stop short
        self.logs: list[Path] = []
        self.port = 0
        self._emails = itertools.count(1)
        self._admin: User | None = None

    # -- lifecycle

    def command(self) -> list[str]:
        args = [PRAXISD, "--data-dir", str(self.data_dir), "--listen", "127.0.0.1",
                "--port", "0", "--port-file", str(self.port_file)]
        if self.admin:
            args += ["--admin-email", ADMIN_EMAIL, "--admin-name", ADMIN_NAME]
        for name, value in self.flags.items():
            args += [f"--{name}", str(value)]
        return args

    def start(self) -> "Praxisd":
        assert self.proc is None, "praxisd is already running"
        self.port_file.unlink(missing_ok=True)
        log = self.workdir / f"praxisd.{len(self.logs) + 1}.log"
        self.logs.append(log)
        # The admin's password comes from the environment, never the command line.
        env = dict(self.env if self.env is not None else os.environ)
        if self.admin:
            env["PRAXIS_ADMIN_PASSWORD"] = ADMIN_PASSWORD
        with open(log, "wb") as out:
            self.proc = subprocess.Popen(self.command(), stdout=out, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, env=env,
                                         preexec_fn=self.preexec)
        deadline = time.monotonic() + 2 * WAIT
        while not (self.port_file.exists() and self.port_file.read_text().strip()):
            if self.proc.poll() is not None:
                rc, self.proc = self.proc.returncode, None
                raise AssertionError(f"praxisd exited with {rc} before listening\n{self.log_tail()}")
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError(f"praxisd wrote no port file within {2 * WAIT:.0f}s\n{self.log_tail()}")
            time.sleep(0.02)
        self.port = int(self.port_file.read_text().strip())
        self._admin = None
        self.stopping = False
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None, "praxisd is not running"
        return self.proc.pid

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    origin = base_url  # the instance's own origin when --public-url is not set

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    def signal(self, sig):
        if sig in (signal.SIGTERM, signal.SIGINT):
            self.stopping = True
        os.kill(self.pid, sig)

    def wait_exit(self, timeout=None) -> int:
        """Waits for the process to end and returns its exit code (-N for signal N)."""
        assert self.proc is not None, "praxisd is not running"
        try:
            rc = self.proc.wait(timeout or 2 * WAIT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            self.proc = None
            raise AssertionError(f"praxisd did not exit within {timeout or 2 * WAIT:.0f}s\n{self.log_tail()}")
        self.proc = None
        return rc

    def stop(self):
        """Graceful stop (SIGTERM, unless a test sent it already); praxisd must exit with 0."""
        if not self.stopping:
            self.signal(signal.SIGTERM)
        rc = self.wait_exit()
        assert rc == 0, f"praxisd exited with {rc} after SIGTERM\n{self.log_tail()}"

    def kill(self):
        """SIGKILL, as in a crash."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def restart(self) -> "Praxisd":
        if self.proc is not None:
            self.stop()
        return self.start()

    # -- output

    def log_text(self, run=-1) -> str:
        return self.logs[run].read_text(errors="replace") if self.logs else ""

    def log_tail(self, lines=40) -> str:
        tail = "\n".join(self.log_text().splitlines()[-lines:])
        return f"--- last lines of {self.logs[-1] if self.logs else 'no log'} ---\n{tail}"

    def sanitizer_reports(self) -> list[str]:
        found = []
        for log in self.logs:
            text = log.read_text(errors="replace")
            found += [f"{log.name}: {line}" for line in text.splitlines()
                      if any(marker in line for marker in SANITIZER_MARKERS)]
        return found

    def setup_token(self) -> str:
        """The one-time setup token praxisd prints when no admin exists."""
        def probe():
            match = SETUP_LINK.search(self.log_text())
            return match and match.group(1)
        return wait_until(probe, "a setup link (setup?token=...) in praxisd's output")

    # -- HTTP

    def http(self, method, path, body=None, *, token=None, cookie=None, origin=None,
             headers=None, source=None) -> "Response":
        """One HTTP request. body: dict/list (sent as JSON), str or bytes (sent as is).
        source: the client address to connect from, e.g. "127.0.0.2"."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=WAIT,
                                          source_address=(source, 0) if source else None)
        hdrs = dict(headers or {})
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
        if isinstance(body, str):
            body = body.encode()
        if body is not None:
            hdrs.setdefault("Content-Type", "application/json")
        if token:
            hdrs["Authorization"] = f"Bearer {token}"
        if cookie:
            hdrs["Cookie"] = f"praxis_session={cookie}"
        if origin:
            hdrs["Origin"] = origin
        try:
            conn.request(method, path, body=body, headers=hdrs)
            resp = conn.getresponse()
            return Response(resp.status, resp.headers, resp.read())
        finally:
            conn.close()

    def metrics(self) -> dict[str, float]:
        resp = expect(self.http("GET", "/metrics"), 200)
        return parse_metrics(resp.body.decode())

    def metric(self, name) -> float:
        samples = self.metrics()
        assert name in samples, f"/metrics has no sample {name}"
        return samples[name]

    # -- accounts

    def admin_user(self) -> "User":
        if self._admin is None:
            self._admin = self.login_as(ADMIN_EMAIL, ADMIN_PASSWORD)
        return self._admin

    def login_as(self, email, password) -> "User":
        resp = expect(self.http("POST", "/api/login", {"email": email, "password": password}), 200)
        body = resp.json()
        return User.from_answer(body, password)

    def login(self, user: "User") -> str:
        """A new session for an existing user; returns its token."""
        return self.login_as(user.email, user.password).token

    def invite(self, by: "User | None" = None, **fields) -> str:
        resp = expect(self.http("POST", "/api/invitations", fields, token=(by or self.admin_user()).token), 201)
        return resp.json()["invitation"]["token"]

    def unique_email(self, name="user") -> str:
        return f"{name.lower()}-{next(self._emails)}@praxis.test"

    def new_user(self, name, role=None) -> "User":
        """Registers a member (or, with role="admin", an admin) by an admin's invitation."""
        invitation = self.invite(**({"role": role} if role else {}))
        fields = user_fields(self.unique_email(name), name)
        resp = expect(self.http("POST", "/api/register", {"invitation": invitation, **fields}), 201)
        return User.from_answer(resp.json(), fields["password"])


class ServerPool:
    """Starts praxisd processes under one directory and checks them all at the end:
    each still running is stopped with SIGTERM and must exit 0; no output may hold a
    sanitizer report."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.servers: list[Praxisd] = []

    def start(self, flags: dict | None = None, *, admin=True, env=None) -> Praxisd:
        server = Praxisd(self.workdir / f"praxisd-{len(self.servers) + 1}", flags, admin=admin, env=env)
        self.servers.append(server)
        return server.start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        problems = []
        for server in self.servers:
            if server.proc is not None:
                try:
                    server.stop()
                except AssertionError as e:
                    problems.append(str(e))
            problems += server.sanitizer_reports()
            print(server.log_tail(20))
        assert not problems, "praxisd misbehaved:\n" + "\n".join(problems)
        return False


# --------------------------------------------------------------------------- HTTP


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            raise AssertionError(f"{self}: the body is not JSON") from None

    def cookie(self, name="praxis_session") -> tuple[str, dict] | None:
        """(value, {attribute-lowercased: value}) of the Set-Cookie for name, if any."""
        for header in self.headers.get_all("Set-Cookie") or []:
            first, *attrs = [part.strip() for part in header.split(";")]
            key, _, value = first.partition("=")
            if key == name:
                parsed = {}
                for attr in attrs:
                    k, _, v = attr.partition("=")
                    parsed[k.strip().lower()] = v.strip()
                return value, parsed
        return None

    def __str__(self):
        return f"HTTP {self.status} {self.body[:400]!r}"


def expect(resp: Response, status: int, code: str | None = None) -> Response:
    """Asserts the status and, for errors, the error code and the error shape."""
    assert resp.status == status, f"expected HTTP {status} {code or ''}, got {resp}"
    if code is not None:
        error = resp.json().get("error")
        assert isinstance(error, dict) and error.get("code") == code, f"expected error code {code!r}, got {resp}"
        assert isinstance(error.get("message"), str), f"the error has no message: {resp}"
    return resp


def parse_metrics(text: str) -> dict[str, float]:
    """Prometheus text format -> {'name{labels}': value} (comments skipped)."""
    samples = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        match = re.match(r"^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?)\s+(\S+)", line)
        assert match, f"not a Prometheus sample line: {line!r}"
        samples[match.group(1)] = float(match.group(2))
    return samples


@dataclass
class User:
    id: int
    email: str
    password: str
    display_name: str
    token: str
    role: str

    @staticmethod
    def from_answer(body: dict, password: str) -> "User":
        user = body["user"]
        assert isinstance(body.get("token"), str) and body["token"], f"no session token in {body}"
        return User(user["id"], user["email"], password, user["display_name"], body["token"], user["role"])


def user_fields(email: str, name: str = "Ben", **override) -> dict:
    """Valid registration/setup fields (PROTOCOL.md 1, POST /api/register)."""
    fields = {"email": email, "password": "another long secret", "display_name": name,
              "institution": "Bfz", "country": "DE", "languages": ["de", "en"],
              "time_zone": "Europe/Berlin"}
    fields.update(override)
    return fields


# --------------------------------------------------------------------------- waiting


def wait_until(probe, what: str, timeout=WAIT, interval=0.05):
    """Polls probe() until it returns something truthy; returns that."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(interval)


async def eventually(probe, what: str, timeout=WAIT, interval=0.05):
    """wait_until for async tests; probe (blocking, e.g. an HTTP call) runs in a thread."""
    deadline = time.monotonic() + timeout
    while True:
        value = await asyncio.to_thread(probe)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        await asyncio.sleep(interval)


_OPEN_CLIENTS: list["Client"] = []


def awaiting(coro) -> str:
    """Where a suspended coroutine waits: its chain of awaits, outermost first."""
    lines = []
    while coro is not None and getattr(coro, "cr_frame", None) is not None:
        code = coro.cr_frame.f_code
        lines.append(f"  {Path(code.co_filename).name}:{coro.cr_frame.f_lineno} in {code.co_name}")
        coro = coro.cr_await
    return "\n".join(lines) or "  (unknown)"


def run(coro, timeout=SCENARIO):
    """Runs an async test body; closes every Client it opened, and fails if the
    server sent a frame part that is not a JSON object."""
    async def main():
        task = asyncio.create_task(coro)
        try:
            done, _ = await asyncio.wait({task}, timeout=timeout)
            if not done:
                where = awaiting(task.get_coro())
                task.cancel()
                raise AssertionError(f"the test did not finish within {timeout:.0f}s; it waited at\n{where}")
            return task.result()
        finally:
            clients = list(_OPEN_CLIENTS)
            _OPEN_CLIENTS.clear()
            await asyncio.gather(*(c.close() for c in clients), return_exceptions=True)
            invalid = [f"{c.label}: {part!r}" for c in clients for part in c.invalid]
            assert not invalid, "server frames held parts that are not JSON objects:\n" + "\n".join(invalid)
    return asyncio.run(main())


def async_test(fn):
    """Lets a test be `async def` (with fixtures) without pytest-asyncio."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return run(fn(*args, **kwargs))
    return wrapper


# --------------------------------------------------------------------------- WebSocket


async def open_ws(server: Praxisd, *, token=None, cookie=None, origin=None, local_addr=None,
                  cookie_name="praxis_session"):
    """A bare WebSocket connection to /ws (no hello). Raises InvalidStatusCode when
    the upgrade is refused. Without origin, no Origin header is sent. cookie_name:
    "__Host-praxis_session" for an instance served over https."""
    headers = []
    if token:
        headers.append(("Authorization", f"Bearer {token}"))
    if cookie:
        headers.append(("Cookie", f"{cookie_name}={cookie}"))
    return await websockets.connect(
        server.ws_url, extra_headers=headers, origin=origin, compression=None,
        max_size=None, max_queue=None, ping_interval=None, open_timeout=WAIT,
        close_timeout=WAIT, local_addr=local_addr)


async def upgrade_status(server: Praxisd, **kwargs) -> int:
    """HTTP status of a WebSocket upgrade: 101 when accepted, else the refusal's."""
    try:
        ws = await open_ws(server, **kwargs)
    except InvalidStatusCode as e:
        return e.status_code
    await ws.close()
    return 101


async def connect(server: Praxisd, user: User, *, token=None, via="bearer", origin=None,
                  label=None, local_addr=None, hello=True, resume=None, timeout=WAIT,
                  cookie_name="praxis_session") -> "Client":
    """A Client for user (via "bearer" or "cookie"), by default after hello/welcome/synced
    (timeout: for synced, which comes after the whole replay)."""
    token = token or user.token
    creds = {"token": token} if via == "bearer" else {"cookie": token, "cookie_name": cookie_name}
    ws = await open_ws(server, origin=origin, local_addr=local_addr, **creds)
    client = Client(ws, label or user.display_name, user)
    if hello:
        await client.hello(resume, timeout=timeout)
    return client


def short(msg) -> str:
    text = msg if isinstance(msg, str) else json.dumps(msg, ensure_ascii=False)
    return text if len(text) < 200 else text[:200] + "..."


class Client:
    _labels = itertools.count(1)

    def __init__(self, ws, label: str, user: User | None = None):
        self.ws = ws
        self.label = f"{label}#{next(self._labels)}"
        self.user = user
        self.messages: list[dict] = []  # every server message, in order
        self.invalid: list[str] = []  # frame parts that were not JSON objects
        self.closed = False
        self.welcome: dict | None = None
        self.synced: dict | None = None
        self.hello_at = 0  # index in messages where the last hello's answers start
        self._cond = asyncio.Condition()
        self._replies: dict = {}
        self._rids = itertools.count(1)
        self._reader = asyncio.create_task(self._read())
        _OPEN_CLIENTS.append(self)

    @property
    def user_id(self) -> int:
        return self.welcome["user"]["id"]

    @property
    def close_code(self):
        return self.ws.close_code

    async def _read(self):
        try:
            async for frame in self.ws:
                if isinstance(frame, bytes):
                    self.invalid.append(f"binary frame {frame[:80]!r}")
                    frame = frame.decode("utf-8", "replace")
                for part in frame.split("\n"):
                    await self._deliver(part)
        except ConnectionClosed:
            pass
        finally:
            self.closed = True
            for fut in self._replies.values():
                if not fut.done():
                    fut.set_exception(AssertionError(
                        f"{self.label}: connection closed (code {self.ws.close_code}) before the reply"))
            self._replies.clear()
            async with self._cond:
                self._cond.notify_all()

    async def _deliver(self, part: str):
        try:
            msg = json.loads(part)
        except ValueError:
            msg = None
        if not isinstance(msg, dict):
            self.invalid.append(part)
            msg = {"type": "_invalid", "raw": part}
        rid = msg.get("rid")
        if rid is not None and isinstance(rid, (str, int)):
            fut = self._replies.pop(rid, None)
            if fut is not None and not fut.done():
                fut.set_result(msg)
        async with self._cond:
            self.messages.append(msg)
            self._cond.notify_all()

    # -- sending

    async def send(self, msg):
        """Sends one frame: a dict as JSON, a str as a text frame, bytes as a binary frame."""
        await self.ws.send(msg if isinstance(msg, (str, bytes)) else json.dumps(msg, ensure_ascii=False))

    async def start_request(self, msg: dict) -> asyncio.Future:
        """Sends msg with a fresh rid (unless it has one); the future gets the reply."""
        assert not self.closed, f"{self.label}: connection closed (code {self.close_code})"
        msg = dict(msg)
        rid = msg.setdefault("rid", f"{self.label}-{next(self._rids)}")
        fut = asyncio.get_running_loop().create_future()
        self._replies[rid] = fut
        await self.send(msg)
        return fut

    async def reply(self, fut, msg, timeout=WAIT) -> dict:
        try:
            return await asyncio.wait_for(fut, timeout)
        except asyncio.TimeoutError:
            raise AssertionError(f"{self.label}: no reply to {short(msg)} within {timeout:.0f}s") from None

    async def request(self, msg: dict, timeout=WAIT) -> dict:
        return await self.reply(await self.start_request(msg), msg, timeout)

    async def expect_reply(self, msg: dict, reply_type: str) -> dict:
        reply = await self.request(msg)
        assert reply.get("type") == reply_type, f"{self.label}: {short(msg)} should get {reply_type!r}, got {reply}"
        return reply

    async def expect_error(self, msg: dict, *codes: str) -> dict:
        reply = await self.request(msg)
        assert reply.get("type") == "error" and reply.get("code") in codes, \
            f"{self.label}: {short(msg)} should be refused with {' or '.join(codes)}, got {reply}"
        assert isinstance(reply.get("message"), str), f"{self.label}: error without message: {reply}"
        return reply

    # -- receiving

    def mark(self) -> int:
        """Position in messages; pass as since= to look only at what comes later."""
        return len(self.messages)

    async def wait_for(self, pred, what: str, since=0, timeout=WAIT) -> dict:
        """The first message at index >= since for which pred is true (waits for it)."""
        index = since

        async def scan():
            nonlocal index
            async with self._cond:
                while True:
                    while index < len(self.messages):
                        index += 1
                        if pred(self.messages[index - 1]):
                            return self.messages[index - 1]
                    if self.closed:
                        raise AssertionError(f"{self.label}: connection closed (code {self.close_code}) "
                                             f"while waiting for {what}")
                    await self._cond.wait()
        try:
            return await asyncio.wait_for(scan(), timeout)
        except asyncio.TimeoutError:
            raise AssertionError(f"{self.label}: no {what} within {timeout:.0f}s; "
                                 f"last messages: {self.messages[-5:]}") from None

    async def wait_type(self, type_: str, since=0, timeout=WAIT, **fields) -> dict:
        """The first message of this type (and these field values) at index >= since."""
        def pred(m):
            return m.get("type") == type_ and all(m.get(k) == v for k, v in fields.items())
        desc = f"{type_} {fields}" if fields else type_
        return await self.wait_for(pred, desc, since, timeout)

    async def event(self, room: int, seq: int, since=0, timeout=WAIT) -> dict:
        return await self.wait_type("event", since, timeout, room=room, seq=seq)

    def index_of(self, msg: dict) -> int:
        return next(i for i, m in enumerate(self.messages) if m is msg)

    def of_type(self, type_: str, since=0, until=None) -> list[dict]:
        return [m for m in self.messages[since:until] if m.get("type") == type_]

    def events(self, room: int, since=0, until=None) -> list[dict]:
        return [m for m in self.of_type("event", since, until) if m.get("room") == room]

    async def wait_closed(self, timeout=WAIT) -> int:
        """Waits until the server ends the connection; returns the close code."""
        try:
            await asyncio.wait_for(asyncio.shield(self._reader), timeout)
        except asyncio.TimeoutError:
            raise AssertionError(f"{self.label}: the connection is still open after {timeout:.0f}s") from None
        return self.close_code

    async def close(self):
        if self in _OPEN_CLIENTS:
            _OPEN_CLIENTS.remove(self)
        await self.ws.close()
        await self._reader

    # -- protocol shortcuts

    async def hello(self, resume: dict | None = None, version=1, timeout=WAIT):
        """hello; waits for welcome and synced (asserting no error came instead)."""
        msg = {"type": "hello", "version": version}
        if resume is not None:
            msg["resume"] = {str(room): seq for room, seq in resume.items()}
        self.hello_at = self.mark()
        await self.send(msg)
        welcome = await self.wait_for(lambda m: m.get("type") in ("welcome", "error"), "welcome", self.hello_at)
        assert welcome["type"] == "welcome", f"{self.label}: hello refused: {welcome}"
        self.welcome = welcome
        self.synced = await self.wait_type("synced", self.hello_at, timeout)

    async def ping(self):
        """A round trip: everything the server queued for us before it is in messages."""
        await self.expect_reply({"type": "ping"}, "pong")

    async def post(self, room: int, text="hello", lang="en", **fields) -> dict:
        """Posts; returns the ack (asserting its room/seq/cmid)."""
        ack = await self.expect_reply({"type": "post", "room": room, "text": text, "lang": lang, **fields}, "ack")
        assert ack.get("room") == room and isinstance(ack.get("seq"), int) and ack["seq"] > 0, f"bad ack {ack}"
        if "cmid" in fields:
            assert ack.get("cmid") == fields["cmid"], f"ack without the post's cmid: {ack}"
        return ack

    async def rooms(self) -> dict[int, dict]:
        """rooms_list, every page, as {room id: ROOM} (no room twice)."""
        rooms, cursor = {}, None
        while True:
            msg = {"type": "rooms_list", **({"cursor": cursor} if cursor else {})}
            reply = await self.expect_reply(msg, "rooms")
            for room in reply["rooms"]:
                assert room["id"] not in rooms, f"room {room['id']} on two pages"
                rooms[room["id"]] = room
            cursor = reply.get("next")
            if not cursor:
                return rooms

    async def history(self, room: int, **params) -> dict:
        return await self.expect_reply({"type": "history", "room": room, **params}, "history")

    async def all_messages(self, room: int) -> list[dict]:
        """Every message of a room by paging history forward (after=...)."""
        page_max = self.welcome["limits"]["history_page_max"]
        messages, after = [], 0
        while True:
            page = await self.history(room, after=after, limit=page_max)
            messages += page["messages"]
            if not page["has_more"]:
                return messages
            assert page["messages"], f"history says has_more but returned nothing: {page}"
            after = page["messages"][-1]["seq"]


_room_names = itertools.count(1)


async def make_room(owner: Client, *members: Client, visibility="open", name=None) -> int:
    """owner creates a room; members join it (open) or are invited (private)."""
    name = name or f"Room {next(_room_names)}"
    reply = await owner.expect_reply({"type": "room_create", "name": name, "visibility": visibility}, "room")
    room = reply["room"]["id"]
    for member in members:
        if visibility == "open":
            await member.expect_reply({"type": "room_join", "room": room}, "room")
        else:
            since = member.mark()
            await owner.expect_reply({"type": "room_invite", "room": room, "user": member.user_id}, "room")
            await member.wait_for(lambda m: m.get("type") == "room" and m["room"].get("id") == room,
                                  f"room {room} pushed after the invitation", since)
    return room


async def users_in_room(server: Praxisd, *names: str, visibility="open") -> tuple[int, list[Client]]:
    """New users, each connected once; the first creates a room the others are in."""
    clients = [await connect(server, server.new_user(name)) for name in names]
    room = await make_room(clients[0], *clients[1:], visibility=visibility)
    return room, clients


@dataclass
class Stream:
    """What post_stream sent and got back."""
    sent: list = field(default_factory=list)  # (room, cmid, text) in sending order
    acks: list = field(default_factory=list)  # ack messages in arrival order
    errors: list = field(default_factory=list)  # error replies
    lost: int = 0  # posts whose connection closed before a reply


async def post_stream(client: Client, rooms: list[int], count: int, *, window=16, stop=None,
                      on_ack=None, size=0, first=0) -> Stream:
    """Posts count messages (round robin over rooms), keeping up to window requests in
    flight. Stops early when the stop event is set or the connection closes.
    Every post carries a unique cmid (numbered from first: a later call goes on with
    first = the earlier calls' count); size pads the text to about that many bytes."""
    out = Stream()
    slots = asyncio.Semaphore(window)
    tasks = []

    async def one(msg, fut):
        try:
            reply = await client.reply(fut, msg, timeout=4 * WAIT)
        except AssertionError:
            if not client.closed:
                raise
            out.lost += 1
            return
        finally:
            slots.release()
        if reply.get("type") == "ack":
            out.acks.append(reply)
            if on_ack:
                on_ack(reply)
        else:
            out.errors.append(reply)

    for i in range(first, first + count):
        await slots.acquire()
        if (stop is not None and stop.is_set()) or client.closed:
            slots.release()
            break
        room, cmid = rooms[i % len(rooms)], f"{client.label}-{i}"
        text = f"message {i} from {client.label}"
        text += "." * max(0, size - len(text))
        msg = {"type": "post", "room": room, "text": text, "lang": "en", "cmid": cmid}
        try:
            fut = await client.start_request(msg)
        except (AssertionError, ConnectionClosed):
            slots.release()
            break
        out.sent.append((room, cmid, text))
        tasks.append(asyncio.create_task(one(msg, fut)))
    await asyncio.gather(*tasks)
    return out


def vm_rss_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise AssertionError(f"no VmRSS in /proc/{pid}/status")


# --------------------------------------------------------------------------- raw WebSocket


def encode_frame(opcode: int, payload: bytes, fin=True) -> bytes:
    """A masked client frame (RFC 6455 5.2)."""
    head = bytes([(0x80 if fin else 0) | opcode])
    n = len(payload)
    if n < 126:
        head += bytes([0x80 | n])
    elif n < 1 << 16:
        head += bytes([0x80 | 126]) + n.to_bytes(2, "big")
    else:
        head += bytes([0x80 | 127]) + n.to_bytes(8, "big")
    key = os.urandom(4)
    masked = bytes(b ^ key[i % 4] for i, b in enumerate(payload))
    return head + key + masked


class RawWebSocket:
    """A WebSocket client on a blocking socket: nothing is read unless asked, so the
    server's queue for it can be made to grow (a slow consumer)."""

    GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    def __init__(self, server: Praxisd, token: str, rcvbuf: int | None = None):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)  # before connect: small window
        sock.settimeout(WAIT)
        sock.connect(("127.0.0.1", server.port))
        key = base64.b64encode(os.urandom(16))
        sock.sendall(b"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\n"
                     b"Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n"
                     b"Authorization: Bearer %s\r\n\r\n" % (server.port, key, token.encode()))
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(4096)
            assert chunk, f"connection closed during the upgrade; got {data!r}"
            data += chunk
        head, rest = data.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        assert lines[0].split()[1] == "101", f"upgrade refused: {lines[0]}"
        accept = base64.b64encode(hashlib.sha1(key + self.GUID).digest()).decode()
        assert any(l.lower().startswith("sec-websocket-accept:") and l.split(":", 1)[1].strip() == accept
                   for l in lines[1:]), f"wrong or no Sec-WebSocket-Accept in {lines}"
        self.sock = sock
        self.buf = bytearray(rest)
        self.pos = 0

    def send_text(self, text: str):
        self.sock.sendall(encode_frame(0x1, text.encode()))

    def _need(self, n: int):
        while len(self.buf) - self.pos < n:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise EOFError("the server closed the TCP connection")
            self.buf += chunk

    def read_frame(self) -> tuple[bool, int, bytes]:
        """(fin, opcode, payload) of the next frame; EOFError at the end."""
        self._need(2)
        b0, b1 = self.buf[self.pos], self.buf[self.pos + 1]
        assert not b1 & 0x80, "the server sent a masked frame"
        n, head = b1 & 0x7F, 2
        if n == 126:
            self._need(4)
            n, head = int.from_bytes(self.buf[self.pos + 2:self.pos + 4], "big"), 4
        elif n == 127:
            self._need(10)
            n, head = int.from_bytes(self.buf[self.pos + 2:self.pos + 10], "big"), 10
        self._need(head + n)
        payload = bytes(self.buf[self.pos + head:self.pos + head + n])
        self.pos += head + n
        if self.pos > 1 << 20:
            del self.buf[:self.pos]
            self.pos = 0
        return bool(b0 & 0x80), b0 & 0x0F, payload

    def read_message(self) -> tuple[str, object]:
        """("text", [messages]) for a data message (split on '\\n'), or ("close", code)."""
        parts = []
        while True:
            fin, opcode, payload = self.read_frame()
            if opcode == 0x8:
                return "close", int.from_bytes(payload[:2], "big") if len(payload) >= 2 else 1005
            if opcode in (0x9, 0xA):  # ping/pong: ignored, this client is deliberately unresponsive
                continue
            parts.append(payload)
            if fin:
                return "text", [json.loads(p) for p in b"".join(parts).decode().split("\n")]

    def close(self):
        self.sock.close()
