#!/usr/bin/env python3
"""A client that half-closes its connection (shutdown(SHUT_WR)) and keeps reading.

usage: half_close_peer.py PORT NBYTES [--read-first M]

Connects to 127.0.0.1:PORT and prints "CONNECTED <local port>". With
--read-first, first reads exactly M bytes from the server. Then sends NBYTES
(byte k = k & 0xFF), shuts down its sending side (the server sees end of
stream) and prints "HALF_CLOSED". It keeps reading until the server closes,
then prints "TOTAL <bytes received, including the first M>" and "EOF" (an
orderly close) or "RESET" (a reset), and exits 0. Exits 4 on timeout.
"""
import socket
import sys

from peerlib import connect, pattern, read_exactly, read_to_end


def main():
    port, n = int(sys.argv[1]), int(sys.argv[2])
    first = int(sys.argv[sys.argv.index("--read-first") + 1]) if "--read-first" in sys.argv else 0
    s = connect(port)
    read_exactly(s, first)
    s.sendall(pattern(n))
    s.shutdown(socket.SHUT_WR)
    print("HALF_CLOSED", flush=True)
    total, _, end = read_to_end(s, size=65536)
    print("TOTAL", first + total, flush=True)
    print(end, flush=True)


if __name__ == "__main__":
    main()
