#!/usr/bin/env python3
"""A client that resets its connection (SO_LINGER 0 + close) mid-transfer.

usage: reset_peer.py PORT NBYTES

Sends NBYTES (byte k = k & 0xFF), then reads until the line "go\n" arrives
(the server sends it once it has counted every byte, followed by a large
payload this client never reads), then aborts the connection with an RST
while that payload is still in flight. Prints "RESET" and exits 0.
"""
import socket
import struct
import sys

from peerlib import RESET_EXIT, connect, pattern


def main():
    port, n = int(sys.argv[1]), int(sys.argv[2])
    s = connect(port, announce=False)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.sendall(pattern(n))
    got = b""
    while not got.startswith(b"go\n"):
        chunk = s.recv(3 - len(got) if len(got) < 3 else 1)
        if not chunk:
            sys.exit(RESET_EXIT)
        got += chunk
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()
    print("RESET", flush=True)


if __name__ == "__main__":
    main()
