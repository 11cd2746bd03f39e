#!/usr/bin/env python3
"""A TLS peer on 127.0.0.1 made of Python's ssl module (OpenSSL underneath; no SockScope code),
for the TLS tests. With --plain it speaks plain TCP instead (a plaintext peer on a TLS port).

usage:
  tls_peer.py server [OPTIONS] MODE [ARG]     listen on 127.0.0.1:0, print "PORT <n>",
                                              serve every connection in a thread until killed
  tls_peer.py client PORT [OPTIONS] MODE [ARG]

Options:
  --cert F --key F     our certificate (a server's; a client's for mutual TLS)
  --ca F               server: verify client certificates against F (with --require-client-cert:
                       refuse a client without one); client: trust F and check the host name
  --require-client-cert
  --insecure           client: verify nothing (the peer's certificate is still printed)
  --servername NAME    client: SNI and the name checked (default: localhost)
  --alpn LIST          comma-separated
  --tls-version V      1.2 or 1.3 only
  --plain              no TLS at all

After each handshake: "TLS protocol=<v> cipher=<name> alpn=<p|-> peer_sha256=<AB:CD:…|->"
(the peer's certificate fingerprint, colon hex upper case as `openssl x509 -fingerprint`).
A failed handshake: "HANDSHAKE-FAILED <reason>" (client: exit 6); a client whose connection
then fails: "TLS-ERROR <reason>" (exit 5). A client waits up to 10 s for its server to listen.

Server modes (one line per connection when it ends):
  echo-check N     send N bytes seeded by the connection number while reading N back:
                   "CONN got=<n> sha=<hex> sent_sha=<hex>", then close
  exchange N       the same; for a peer that sends N bytes of its own (relay tests)
  greet TEXT       (a plain server greets first, as FTP/SMTP do) send TEXT, read to end of
                   stream: "CONN got=<n>"
  hangup           read what comes for 0.5 s, then close: "CONN got=<n>"
  lines            answer each line with "ok <line>\\n" until end of stream: "CONN got=<n>"
Client modes:
  echo-check N     send N random bytes while reading N back (the server echoes):
                   "CLIENT sent_sha=<hex> got=<n> sha=<hex>", then close
  exchange N       send N random bytes while reading N (the server sends its own):
                   "CLIENT sent_sha=<hex> got=<n> sha=<hex>", then close
  say TEXT         send TEXT and read whatever comes for up to 10 s until end of stream:
                   "GOT <hex>" and "EOF" / "RESET" / "TIMEOUT"
Exits 4 on a timeout, 5 on an early end of stream (peerlib).
"""
import argparse
import hashlib
import os
import random
import selectors
import socket
import ssl
import sys
import threading
import time

from peerlib import RESET_EXIT, TIMEOUT_EXIT

HANDSHAKE_FAILED_EXIT = 6
lock = threading.Lock()


def say(*words):
    with lock:
        print(*words, flush=True)


def fingerprint(der):
    if not der:
        return "-"
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())


def describe(tls):
    """The "TLS …" line of a finished handshake."""
    if not isinstance(tls, ssl.SSLSocket):
        return
    cipher = tls.cipher()
    say("TLS", f"protocol={tls.version()}", f"cipher={cipher[0] if cipher else '-'}",
        f"alpn={tls.selected_alpn_protocol() or '-'}",
        f"peer_sha256={fingerprint(tls.getpeercert(binary_form=True))}")


def context(opts, server):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER if server else ssl.PROTOCOL_TLS_CLIENT)
    if opts.tls_version:
        version = {"1.2": ssl.TLSVersion.TLSv1_2, "1.3": ssl.TLSVersion.TLSv1_3}[opts.tls_version]
        ctx.minimum_version = ctx.maximum_version = version
    if opts.cert:
        ctx.load_cert_chain(opts.cert, opts.key)
    if server:
        if opts.ca:
            ctx.load_verify_locations(opts.ca)
            ctx.verify_mode = ssl.CERT_REQUIRED if opts.require_client_cert else ssl.CERT_OPTIONAL
    elif opts.insecure:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    elif opts.ca:
        ctx.load_verify_locations(opts.ca)
    if opts.alpn:
        ctx.set_alpn_protocols(opts.alpn.split(","))
    return ctx


def read_exactly(s, n):
    """(bytes read, hex SHA-256) of up to N bytes; fewer if the stream ends first."""
    digest, total = hashlib.sha256(), 0
    while total < n:
        chunk = s.recv(min(1 << 20, n - total))
        if not chunk:
            break
        digest.update(chunk)
        total += len(chunk)
    return total, digest.hexdigest()


def read_to_eof(s):
    total = 0
    try:
        while True:
            chunk = s.recv(1 << 16)
            if not chunk:
                return total
            total += len(chunk)
    except (ConnectionResetError, ssl.SSLError, socket.timeout):
        return total


def send_and_read(s, data, timeout=120):
    """Sends DATA while reading as many bytes: (got, sha). One thread, non-blocking: an SSL
    object must never be read and written by two threads at once (OpenSSL's rule; with TLS 1.3
    a read may process a post-handshake message while a write is under way)."""
    s.setblocking(False)
    sel = selectors.DefaultSelector()
    sel.register(s, selectors.EVENT_READ)
    digest, got, sent = hashlib.sha256(), 0, 0
    view = memoryview(data)
    deadline = time.monotonic() + timeout
    would_block = (ssl.SSLWantReadError, ssl.SSLWantWriteError, BlockingIOError)
    while got < len(data) or sent < len(data):
        if time.monotonic() > deadline:
            raise socket.timeout()
        progressed = False
        if sent < len(data):
            try:
                # After a would-block the same bytes are offered again, as OpenSSL wants.
                sent += s.send(view[sent:sent + (256 << 10)])
                progressed = True
            except would_block:
                pass
        try:
            chunk = s.recv(1 << 20)
            if not chunk:
                break
            digest.update(chunk)
            got += len(chunk)
            progressed = True
        except would_block:
            pass
        if not progressed:
            sel.modify(s, selectors.EVENT_READ |
                       (selectors.EVENT_WRITE if sent < len(data) else 0))
            sel.select(0.2)
    sel.close()
    s.settimeout(60)
    return got, digest.hexdigest()


def serve(conn, number, opts, ctx):
    conn.settimeout(60)
    try:
        if ctx:
            try:
                conn = ctx.wrap_socket(conn, server_side=True)
            except (ssl.SSLError, OSError) as e:
                say("HANDSHAKE-FAILED", getattr(e, "reason", None) or str(e))
                conn.close()
                return
            describe(conn)
        if opts.mode in ("echo-check", "exchange"):
            data = random.Random(number).randbytes(int(opts.arg))
            got, sha = send_and_read(conn, data)
            say("CONN", f"got={got}", f"sha={sha}", f"sent_sha={hashlib.sha256(data).hexdigest()}")
        elif opts.mode == "greet":
            conn.sendall(opts.arg.encode())
            say("CONN", f"got={read_to_eof(conn)}")
        elif opts.mode == "hangup":
            conn.settimeout(0.5)
            say("CONN", f"got={read_to_eof(conn)}")
        elif opts.mode == "lines":
            got, pending = 0, b""
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                got += len(chunk)
                pending += chunk
                while b"\n" in pending:
                    line, pending = pending.split(b"\n", 1)
                    conn.sendall(b"ok " + line + b"\n")
            say("CONN", f"got={got}")
    except (ConnectionResetError, BrokenPipeError, ssl.SSLError) as e:
        say("CONN", "error", type(e).__name__)
    except socket.timeout:
        say("CONN", "timeout")
    conn.close()


def server(opts):
    ctx = None if opts.plain else context(opts, server=True)
    ls = socket.socket()
    ls.bind(("127.0.0.1", 0))
    ls.listen(64)
    say("PORT", ls.getsockname()[1])
    number = 0
    while True:
        conn, _ = ls.accept()
        number += 1
        threading.Thread(target=serve, args=(conn, number, opts, ctx), daemon=True).start()


def connect(port, patience=10.0):
    """Connects to 127.0.0.1:PORT; a server that is still starting gets PATIENCE seconds."""
    deadline = time.monotonic() + patience
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=60)
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def client(opts):
    s = connect(opts.port)
    if not opts.plain:
        try:
            s = context(opts, server=False).wrap_socket(s, server_hostname=opts.servername)
        except (ssl.SSLError, OSError) as e:
            say("HANDSHAKE-FAILED", getattr(e, "reason", None) or str(e))
            sys.exit(HANDSHAKE_FAILED_EXIT)
        describe(s)
    try:
        if opts.mode in ("echo-check", "exchange"):
            data = os.urandom(int(opts.arg))
            got, sha = send_and_read(s, data)
            say("CLIENT", f"sent_sha={hashlib.sha256(data).hexdigest()}", f"got={got}",
                f"sha={sha}")
            if got < len(data):
                sys.exit(RESET_EXIT)
        elif opts.mode == "say":
            s.sendall(opts.arg.encode())
            s.settimeout(10)
            got, end = b"", "EOF"
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    got += chunk
            except (ConnectionResetError, ssl.SSLError):
                end = "RESET"
            except socket.timeout:
                end = "TIMEOUT"
            say("GOT", got.hex() or "-")
            say(end)
    except (ssl.SSLError, ConnectionResetError, BrokenPipeError) as e:
        # e.g. a server that wants a client certificate refuses after a TLS 1.3 handshake
        say("TLS-ERROR", getattr(e, "reason", None) or type(e).__name__)
        sys.exit(RESET_EXIT)
    except socket.timeout:
        say("TIMEOUT")
        sys.exit(TIMEOUT_EXIT)
    s.close()


def main():
    role = sys.argv[1] if len(sys.argv) > 1 else ""
    if role not in ("server", "client"):
        sys.exit(__doc__)
    p = argparse.ArgumentParser(prog=f"tls_peer.py {role}")
    if role == "client":
        p.add_argument("port", type=int)
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--ca")
    p.add_argument("--require-client-cert", action="store_true")
    p.add_argument("--insecure", action="store_true")
    p.add_argument("--servername", default="localhost")
    p.add_argument("--alpn")
    p.add_argument("--tls-version", choices=["1.2", "1.3"])
    p.add_argument("--plain", action="store_true")
    p.add_argument("mode")
    p.add_argument("arg", nargs="?")
    opts = p.parse_intermixed_args(sys.argv[2:])
    if role == "server":
        server(opts)
    else:
        client(opts)


if __name__ == "__main__":
    main()
