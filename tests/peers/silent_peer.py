#!/usr/bin/env python3
"""A client that connects and does not read until told to.

usage: silent_peer.py PORT

Connects to 127.0.0.1:PORT with a small receive buffer and prints
"CONNECTED <local port>". Reads nothing until a line arrives on stdin; then
reads everything until the server closes and prints "TOTAL <bytes>" and
"SHA256 <hex digest of the bytes>", and exits 0 (5 on a reset, 4 on timeout).
"""
import hashlib
import socket
import sys


def main():
    port = int(sys.argv[1])
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Before connect, so the advertised window stays small: the sender stalls early.
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16384)
    s.settimeout(30)
    s.connect(("127.0.0.1", port))
    print("CONNECTED", s.getsockname()[1], flush=True)
    sys.stdin.readline()
    digest = hashlib.sha256()
    total = 0
    try:
        while True:
            chunk = s.recv(1 << 20)
            if not chunk:
                break
            total += len(chunk)
            digest.update(chunk)
    except ConnectionResetError:
        sys.exit(5)
    except socket.timeout:
        sys.exit(4)
    print("TOTAL", total, flush=True)
    print("SHA256", digest.hexdigest(), flush=True)


if __name__ == "__main__":
    main()
