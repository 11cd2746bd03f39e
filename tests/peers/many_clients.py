#!/usr/bin/env python3
"""Opens N TCP connections to 127.0.0.1:PORT at once, each sends "client <i>\n".

usage: many_clients.py PORT N

Prints "CONNECTED N" once all are connected and have sent, then waits until
the server closes every connection and prints "CLOSED N". Exits 0 when all N
were closed by the server, 4 on timeout.
"""
import selectors
import socket
import sys
import time


def main():
    port, n = int(sys.argv[1]), int(sys.argv[2])
    socks = []
    for i in range(n):
        s = socket.create_connection(("127.0.0.1", port), timeout=15)
        socks.append(s)
    for i, s in enumerate(socks):
        s.sendall(b"client %d\n" % i)
    print("CONNECTED", len(socks), flush=True)
    sel = selectors.DefaultSelector()
    for s in socks:
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ)
    closed = 0
    deadline = time.monotonic() + 15
    while closed < n and time.monotonic() < deadline:
        for key, _ in sel.select(timeout=0.5):
            try:
                data = key.fileobj.recv(4096)
            except ConnectionError:
                data = b""
            if not data:
                sel.unregister(key.fileobj)
                key.fileobj.close()
                closed += 1
    print("CLOSED", closed, flush=True)
    sys.exit(0 if closed == n else 4)


if __name__ == "__main__":
    main()
