#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The URL benchmark's server: 127.0.0.1 only, every request answered after --delay ms.

asyncio, so a thousand waiting requests cost nothing and the server is never the bottleneck:
each answer takes the delay and not much more. Speaks HTTP/1.1 with keep-alive, answers HEAD and
GET (200 with a tiny HTML body, 404 for /robots.txt so linkchecker may proceed), and sends
"LinkChecker: allow", the header linkchecker needs before it lifts its own per-host rate limit.
Prints "PORT <n>" once listening; on SIGTERM prints request and connection counts and the
highest number of requests in flight at once.
"""
import argparse
import asyncio
import signal
import sys

STATS = {"requests": 0, "connections": 0, "in_flight": 0, "peak": 0}


async def handle(reader, writer, delay):
    STATS["connections"] += 1
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            line = head.split(b"\r\n", 1)[0].decode("latin-1")
            method, path = line.split(" ")[:2]
            close = b"connection: close" in head.lower()
            STATS["requests"] += 1
            STATS["in_flight"] += 1
            STATS["peak"] = max(STATS["peak"], STATS["in_flight"])
            await asyncio.sleep(delay)
            STATS["in_flight"] -= 1
            status = b"404 Not Found" if path == "/robots.txt" else b"200 OK"
            body = b"<!DOCTYPE html><html><body><p>page</p></body></html>\n"
            headers = (b"HTTP/1.1 " + status + b"\r\nContent-Type: text/html\r\nLinkChecker: allow\r\n"
                       b"Content-Length: " + str(len(body)).encode() + b"\r\n" +
                       (b"Connection: close\r\n" if close else b"") + b"\r\n")
            writer.write(headers + (b"" if method == "HEAD" else body))
            await writer.drain()
            if close:
                break
    except (asyncio.IncompleteReadError, ConnectionError, ValueError):
        pass
    finally:
        writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--delay", type=float, default=50, help="milliseconds per answer")
    args = parser.parse_args()
    server = await asyncio.start_server(lambda r, w: handle(r, w, args.delay / 1000), "127.0.0.1", 0, backlog=1024)
    print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()
    print("requests %(requests)d connections %(connections)d peak_in_flight %(peak)d" % STATS, file=sys.stderr, flush=True)


if __name__ == "__main__":
    asyncio.run(main())
