#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The URL checker's fixture server: every case the network tests need, on 127.0.0.1 only.

Started by tests/support/local_http_server.hpp (and bench/urls). Binds 127.0.0.1 on a free
port, prints "PORT <n>" on stdout, and appends one JSON line per request to --log: server-side
time, method, path, connection number, requests in flight (overall and for the path's group),
bytes of body sent. A listen backlog of 256 keeps parallel connects from being dropped
(PITFALLS P10).

Paths:
  /ok, /page/<n>            200 (?delay=MS first)
  /status/<code>            that status
  /flaky/<id>?fail=N        500 for the first N requests to <id>, then 200
  /redirect/<codes>/<rest>  a chain: /redirect/301,302/x answers 301 to /redirect/302/x, … then 200
  /hops/<n>                 n redirects (302) before a 200
  /loop/a, /loop/b          redirect to each other
  /to?url=U&code=C          redirect (C, default 302) to U, anywhere
  /slow?ms=N                answers after N ms
  /never                    accepts, reads the request, never answers
  /trickle-headers          sends a header byte per second
  /trickle-body             HEAD 405; GET sends one body byte every 2 s
  /reset                    accepts and resets the connection (SO_LINGER 0)
  /reset-once/<id>          resets the first request to <id>, then 200
  /retry-after/<id>?s=S&status=429|503&times=N   N times that status with Retry-After: S, then 200
  /retry-after-date/<id>    429 with a Retry-After date in the past once, then 200
  /huge                     HEAD 405; GET claims Content-Length 10 GiB and streams zeros
  /endless                  HEAD 405; GET streams a chunked body forever
  /gzip-bomb                gzip stream that inflates to ~10 GB
  /head-405                 HEAD 405; GET 200 (the Range header is logged)
  /html                     a small HTML page (for FetchMode.text)
  /raw/<kind>               hostile answers written byte by byte: bad-status-line, http09,
                            huge-header (20 MB of headers), negative-length (Content-Length: -1)
  /charset/<name>           an HTML page encoded in <name> (shift_jis, koi8-r, iso-8859-2),
                            declared in Content-Type; /charset-meta/<name> declares it in <meta>
  /long-page?mb=N           N MB of filler paragraphs, then a closing sentence (text cap tests)
"""
import argparse
import gzip
import json
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LOCK = threading.Lock()
COUNTS = {}          # per-id request counters (flaky, reset-once, retry-after)
IN_FLIGHT = {"*": 0}
CONNECTIONS = [0]
LOG = None
HTML = (b"<!DOCTYPE html><html><head><title>Fixture</title><style>p{color:red}</style>"
        b"<script>var x = '<p>not text</p>';</script></head><body><h1>Annual report</h1>"
        b"<p>The minister said &ldquo;we will build&rdquo; &amp; left.</p><!-- hidden -->"
        b"<p>Second&nbsp;paragraph</p></body></html>")


# One sentence per charset, in words that charset can encode (for the source-check tests).
CHARSET_TEXT = {
    "shift_jis": "\u5927\u81e3\u306f\u300c\u65b0\u3057\u3044\u6e2f\u3092\u5efa\u8a2d\u3059\u308b\u300d\u3068\u8ff0\u3079\u305f\u3002",
    "koi8-r": "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0441\u043a\u0430\u0437\u0430\u043b: \u043c\u044b "
              "\u043f\u043e\u0441\u0442\u0440\u043e\u0438\u043c \u043d\u043e\u0432\u044b\u0439 \u043f\u043e\u0440\u0442.",
    "iso-8859-2": "Minister \u0141ukasz Nowak powiedzia\u0142: zbudujemy nowy port w \u0141odzi i \u017bywcu.",
}


def count(key):
    with LOCK:
        COUNTS[key] = COUNTS.get(key, 0) + 1
        return COUNTS[key]


def group_of(path):
    parts = path.split("/")
    return parts[1] if len(parts) > 1 else ""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fixture/1"

    def setup(self):
        super().setup()
        with LOCK:
            CONNECTIONS[0] += 1
            self.connection_number = CONNECTIONS[0]

    def log_message(self, *args):
        pass

    def record(self, sent, status, started, in_flight, group_in_flight):
        entry = {"t": started, "end": time.time(), "method": self.command, "path": self.path,
                 "connection": self.connection_number, "in_flight": in_flight,
                 "group_in_flight": group_in_flight, "status": status, "sent": sent,
                 "range": self.headers.get("Range"), "ua": self.headers.get("User-Agent")}
        with LOCK:
            LOG.write(json.dumps(entry) + "\n")
            LOG.flush()

    def do_HEAD(self):
        self.handle_any()

    def do_GET(self):
        self.handle_any()

    def handle_any(self):
        started = time.time()
        group = group_of(urlsplit(self.path).path)
        with LOCK:
            IN_FLIGHT["*"] += 1
            IN_FLIGHT[group] = IN_FLIGHT.get(group, 0) + 1
            in_flight, group_in_flight = IN_FLIGHT["*"], IN_FLIGHT[group]
        status, sent = 0, 0
        try:
            status, sent = self.route()
        except (BrokenPipeError, ConnectionResetError, OSError):
            status = status or -1
        finally:
            with LOCK:
                IN_FLIGHT["*"] -= 1
                IN_FLIGHT[group] -= 1
            self.record(sent, status, started, in_flight, group_in_flight)

    def answer(self, status, body=b"", headers=None, content_type="text/plain"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)
            return status, len(body)
        return status, 0

    def redirect(self, code, location):
        return self.answer(code, headers={"Location": location})

    def reset(self):
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True
        return -2, 0

    def head_refused(self):
        return self.answer(405, headers={"Allow": "GET"})

    def route(self):
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        parts = path.strip("/").split("/")
        head = parts[0]
        if "delay" in query:
            time.sleep(int(query["delay"][0]) / 1000)
        if head in ("ok", "page"):
            return self.answer(200, b"fine\n")
        if head == "status":
            return self.answer(int(parts[1]), b"status\n")
        if head == "flaky":
            n = count("flaky/" + parts[1])
            return self.answer(500 if n <= int(query.get("fail", ["2"])[0]) else 200, b"x")
        if head == "redirect":
            codes = parts[1].split(",")
            rest = "/".join(parts[2:])
            if len(codes) == 1 and codes[0] == "end":
                return self.answer(200, b"arrived\n")
            target = "/redirect/" + (",".join(codes[1:]) if len(codes) > 1 else "end") + "/" + rest
            return self.redirect(int(codes[0]), target)
        if head == "hops":
            n = int(parts[1])
            return self.answer(200, b"done") if n == 0 else self.redirect(302, "/hops/%d" % (n - 1))
        if head == "loop":
            return self.redirect(302, "/loop/b" if parts[1] == "a" else "/loop/a")
        if head == "to":
            return self.redirect(int(query.get("code", ["302"])[0]), query["url"][0])
        if head == "slow":
            time.sleep(int(query.get("ms", ["1000"])[0]) / 1000)
            return self.answer(200, b"late\n")
        if head == "never":
            time.sleep(60)
            return -3, 0
        if head == "trickle-headers":
            for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n":
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(1)
            return 200, 0
        if head == "trickle-body":
            if self.command == "HEAD":
                return self.head_refused()
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            sent = 0
            for _ in range(1000):
                self.wfile.write(b"x")
                self.wfile.flush()
                sent += 1
                time.sleep(2)
            return 200, sent
        if head == "reset":
            return self.reset()
        if head == "reset-once":
            return self.reset() if count("reset/" + parts[1]) == 1 else self.answer(200, b"ok")
        if head == "retry-after":
            n = count("retry/" + parts[1])
            times = int(query.get("times", ["1"])[0])
            if n <= times:
                return self.answer(int(query.get("status", ["429"])[0]), b"wait",
                                   headers={"Retry-After": query.get("s", ["2"])[0]})
            return self.answer(200, b"ok")
        if head == "retry-after-date":
            if count("retry-date/" + parts[1]) == 1:
                return self.answer(429, b"wait", headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})
            return self.answer(200, b"ok")
        if head in ("huge", "endless", "gzip-bomb"):
            if self.command == "HEAD":
                return self.head_refused()
            return self.stream(head)
        if head == "head-405":
            if self.command == "HEAD":
                return self.head_refused()
            return self.answer(206 if self.headers.get("Range") else 200, b"x")
        if head == "html":
            return self.answer(200, HTML, content_type="text/html; charset=utf-8")
        if head == "raw":
            return self.raw(parts[1])
        if head in ("charset", "charset-meta"):
            name = parts[1]
            body = ("<!DOCTYPE html><html><head>" + ('<meta charset="%s">' % name if head == "charset-meta" else "") +
                    "<title>Statement</title></head><body><p>" + CHARSET_TEXT[name] + "</p></body></html>").encode(name)
            declared = "text/html; charset=" + name if head == "charset" else "text/html"
            return self.answer(200, body, content_type=declared)
        if head == "long-page":
            filler = b"<p>" + b"Filler words about the harbour budget and nothing else. " * 20 + b"</p>\n"
            size = int(float(query.get("mb", ["3"])[0]) * 1024 * 1024)
            body = filler * (size // len(filler) + 1) + b"<p>At the very end the minister said we will build a new port.</p>"
            return self.answer(200, body, content_type="text/html; charset=utf-8")
        return self.answer(404, b"no such fixture\n")

    def raw(self, kind):
        # Bytes straight onto the socket: answers no well-behaved server library would send.
        if kind == "bad-status-line":
            data = b"HTTP/1.1 two hundred OK\r\nContent-Length: 2\r\n\r\nok"
        elif kind == "http09":
            data = b"just a body, no status line\n"
        elif kind == "huge-header":
            data = b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * (20 * 1024 * 1024) + b"\r\nContent-Length: 2\r\n\r\nok"
        elif kind == "negative-length":
            data = b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\nok"
        else:
            return self.answer(404, b"no such raw answer\n")
        try:
            self.wfile.write(data)
            self.wfile.flush()
        except OSError:
            pass
        self.close_connection = True
        return 200, len(data)

    def stream(self, kind):
        # A small send buffer, so "sent" is close to what the client really took in.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        chunk = b"\0" * 65536
        if kind == "huge":
            self.send_header("Content-Length", str(10 * 1024 ** 3))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        if kind == "gzip-bomb":
            self.send_header("Content-Encoding", "gzip")
            chunk = gzip.compress(b"\0" * (8 * 1024 * 1024), 9)  # ~8 KB in, 8 MB out, per member
        self.end_headers()
        sent = 0
        deadline = time.time() + 30
        try:
            while time.time() < deadline and sent < 11 * 1024 ** 3:
                if kind == "huge":
                    self.wfile.write(chunk)
                else:
                    self.wfile.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                sent += len(chunk)
        except OSError:
            pass
        self.close_connection = True
        return 200, sent


class Server(ThreadingHTTPServer):
    request_queue_size = 256
    daemon_threads = True
    allow_reuse_address = True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    args = parser.parse_args()
    global LOG
    LOG = open(args.log, "a", encoding="utf-8")
    server = Server(("127.0.0.1", args.port), Handler)
    if args.tls_cert:
        import ssl
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
