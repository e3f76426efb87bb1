#!/usr/bin/env python3
"""An existing web application with no sign-on code, to run behind the SatuPintu SSO gateway.

It trusts the X-SatuPintu-* headers because only the gateway can reach it (it listens on 127.0.0.1) and
the gateway removes every copy a browser sends. Python 3 standard library only.

    python3 app.py [PORT]          (default 8000; or the PORT environment variable)

Pages:
    /                  who is signed in, from the identity headers
    /api/whoami        the same as JSON
    /api/request       every header the application received, as JSON (to see what the gateway sends)
"""
import base64
import html
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

IDENTITY_PREFIX = "x-satupintu-"


def identity(headers):
    """The gateway's identity headers, with the claims decoded (base64url of the claims JSON)."""
    found = {name[len(IDENTITY_PREFIX):].lower(): value
             for name, value in headers.items() if name.lower().startswith(IDENTITY_PREFIX)}
    claims = found.pop("claims", None)
    if claims is not None:
        padded = claims + "=" * (-len(claims) % 4)
        found["claims"] = json.loads(base64.urlsafe_b64decode(padded).decode("utf-8"))
    return found


class Handler(BaseHTTPRequestHandler):
    server_version = "contoh-aplikasi/1.0"

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/api/whoami":
            self.send_json(200, identity(self.headers))
        elif path == "/api/request":
            self.send_json(200, {"method": self.command, "path": self.path,
                                 "headers": [[name, value] for name, value in self.headers.items()]})
        elif path == "/":
            self.send_page(identity(self.headers))
        else:
            self.send_json(404, {"error": "not found"})

    def send_page(self, who):
        if who.get("subject"):
            rows = "".join(f"<tr><th>{html.escape(key)}</th><td>{html.escape(str(value))}</td></tr>"
                           for key, value in sorted(who.items()) if key != "claims")
            body = (f"<h1>Selamat datang</h1><table>{rows}</table>"
                    f"<pre>{html.escape(json.dumps(who.get('claims', {}), indent=2, ensure_ascii=False))}</pre>"
                    '<p><a href="/satupintu/logout">Keluar</a></p>')
        else:
            body = "<h1>Belum masuk</h1><p>No identity headers: is the gateway in front of this application?</p>"
        data = f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Contoh aplikasi</title></head><body>{body}</body></html>'
        self.send_bytes(200, "text/html; charset=utf-8", data.encode("utf-8"))

    def send_json(self, status, value):
        self.send_bytes(status, "application/json", json.dumps(value, ensure_ascii=False).encode("utf-8"))

    def send_bytes(self, status, content_type, data):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        # one line per request, without headers: they carry the citizen's identity
        sys.stderr.write("app.py: %s %s\n" % (self.command, self.path.split("?", 1)[0]))


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("PORT", "8000"))
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"app.py listening on http://127.0.0.1:{server.server_port}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
