"""Running the intake's application on aiohttp's server, over TLS.

`serve_forever` is the command line's form: the current thread runs the event loop
until SIGINT or SIGTERM, then stops accepting, lets requests in flight finish (up to
`SHUTDOWN_SECONDS`) and returns. `BackgroundServer` runs the same in a thread of its
own with its own loop, for tests and benchmarks: `start()` returns once the socket
accepts connections (no sleeping), `stop()` shuts it down.

Either way the listening socket is made here (or handed in), so a caller may ask for
port 0 and learn the port the system chose.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import socket
import ssl
import threading
from collections.abc import Callable

from aiohttp import web

SHUTDOWN_SECONDS = 30.0
BACKLOG = 256


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to (host, port) and listening; port 0 picks a free one."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(BACKLOG)
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


def bound_port(sock: socket.socket) -> int:
    return int(sock.getsockname()[1])


async def start_site(
    app: web.Application, ssl_context: ssl.SSLContext, sock: socket.socket
) -> web.AppRunner:
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=SHUTDOWN_SECONDS)
    await runner.setup()
    site = web.SockSite(runner, sock, ssl_context=ssl_context)
    await site.start()
    return runner


def serve_forever(
    app: web.Application,
    ssl_context: ssl.SSLContext,
    sock: socket.socket,
    *,
    on_ready: Callable[[], None] | None = None,
) -> None:
    """Serve until SIGINT or SIGTERM (in the main thread), then shut down cleanly."""

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        runner = await start_site(app, ssl_context, sock)
        try:
            if on_ready is not None:
                on_ready()
            await stop.wait()
        finally:
            await runner.cleanup()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(sig)

    asyncio.run(main())


class BackgroundServer:
    """The application served from a thread of its own (tests, benchmarks)."""

    def __init__(
        self, app: web.Application, ssl_context: ssl.SSLContext, host: str = "127.0.0.1"
    ) -> None:
        self.app = app
        self.ssl_context = ssl_context
        self.sock = listening_socket(host, 0)
        self.host = host
        self.port = bound_port(self.sock)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name=f"intake-{self.port}", daemon=True)
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"https://localhost:{self.port}"

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()

    def start(self, timeout: float = 30.0) -> BackgroundServer:
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(
            start_site(self.app, self.ssl_context, self.sock), self._loop
        )
        try:
            self._runner = future.result(timeout)
        except BaseException:
            self._halt()
            raise
        return self

    def stop(self, timeout: float = 60.0) -> None:
        if self._runner is not None:
            future = asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop)
            with contextlib.suppress(Exception):
                future.result(timeout)
            self._runner = None
        self._halt()

    def _halt(self) -> None:
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
        if not self._loop.is_closed():
            self._loop.close()
        self.sock.close()

    def __enter__(self) -> BackgroundServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
