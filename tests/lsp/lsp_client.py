# SPDX-License-Identifier: MIT
"""A scripted Language Server Protocol client for the tests and the benchmark: starts
`marginalia lsp`, frames JSON-RPC messages, and collects what the server sends on a reader
thread (responses by id, notifications in order)."""
import json
import os
import queue
import subprocess
import threading
import time


def utf16_len(text):
    """Length of `text` in UTF-16 code units, as LSP positions count."""
    return len(text.encode("utf-16-le")) // 2


def frame(message):
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def file_uri(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


class Client:
    def __init__(self, binary, args=(), cwd=None, env=None):
        self.proc = subprocess.Popen([binary, "lsp", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.responses = {}
        self.notifications = queue.Queue()
        self.cond = threading.Condition()
        self.next_id = 1
        self.stderr = b""
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self):
        self.stderr = self.proc.stderr.read()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            message = json.loads(body)
            message["_received"] = time.monotonic()
            if "method" in message:
                self.notifications.put(message)
            else:
                with self.cond:
                    self.responses.setdefault(json.dumps(message.get("id")), []).append(message)
                    self.cond.notify_all()

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send_raw(frame({"jsonrpc": "2.0", "method": method, "params": params}))

    def request(self, method, params, timeout=30):
        request_id = self.next_id
        self.next_id += 1
        self.send_raw(frame({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params}))
        return self.wait_response(request_id, timeout)

    def wait_response(self, request_id, timeout=30):
        key = json.dumps(request_id)
        deadline = time.monotonic() + timeout
        with self.cond:
            while not self.responses.get(key):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("no response to %r" % (request_id,))
                self.cond.wait(left)
            return self.responses[key].pop(0)

    def initialize(self, options=None, root=None):
        params = {"processId": os.getpid(), "rootUri": file_uri(root) if root else None, "capabilities": {}}
        if options is not None:
            params["initializationOptions"] = options
        response = self.request("initialize", params)
        self.notify("initialized", {})
        return response

    def open(self, uri, text, language="markdown", version=1):
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}})

    def change(self, uri, text, version):
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]})

    def diagnostics(self, uri, version=None, timeout=60, predicate=None):
        """The next publishDiagnostics for `uri` (at `version`, matching `predicate` when given)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no diagnostics for %s version %s" % (uri, version))
            try:
                message = self.notifications.get(timeout=left)
            except queue.Empty:
                continue
            if message.get("method") != "textDocument/publishDiagnostics":
                continue
            params = message["params"]
            if params["uri"] != uri or (version is not None and params.get("version") != version):
                continue
            if predicate and not predicate(params):
                continue
            params["_received"] = message["_received"]
            return params

    def shutdown_and_exit(self, timeout=30):
        response = self.request("shutdown", None)
        self.notify("exit", None)
        code = self.proc.wait(timeout)
        return response, code

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass
        self.reader.join(5)
