#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A tiny CONNECT-less HTTP forward proxy for the proxy tests, on 127.0.0.1 only.

Binds 127.0.0.1 on a free port, prints "PORT <n>" on stdout and appends one line per request
to --log: "METHOD absolute-URL". Forwards plain-HTTP requests (absolute-form request targets)
to 127.0.0.1 only: the host name given with --name (say "reports.test", which no resolver
knows) and 127.0.0.1 itself go to --upstream's port on 127.0.0.1; any other host gets 502 and
no connection, so a test can never send traffic elsewhere. CONNECT (https) gets 405.
"""
import argparse
import http.client
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


def make_handler(log_path, name, upstream):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def relay(self):
            with open(log_path, "a") as log:
                log.write("%s %s\n" % (self.command, self.path))
            target = urlsplit(self.path)
            if target.scheme != "http" or target.hostname not in (name, "127.0.0.1"):
                self.send_response(502)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            port = upstream if target.hostname == name else (target.port or 80)
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            path = target.path or "/"
            if target.query:
                path += "?" + target.query
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("proxy-connection", "connection", "host")}
            connection.request(self.command, path, headers=headers)
            answer = connection.getresponse()
            body = answer.read() if self.command != "HEAD" else b""
            self.send_response(answer.status)
            for key, value in answer.getheaders():
                if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(key, value)
            self.send_header("Via", "1.1 test-proxy")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)
            connection.close()

        do_GET = relay
        do_HEAD = relay

        def do_CONNECT(self):
            self.send_response(405)
            self.send_header("Content-Length", "0")
            self.end_headers()

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--name", default="reports.test")
    parser.add_argument("--upstream", type=int, required=True)
    args = parser.parse_args()
    server = Server(("127.0.0.1", 0), make_handler(args.log, args.name, args.upstream))
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
