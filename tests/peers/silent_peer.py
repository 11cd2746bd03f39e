#!/usr/bin/env python3
"""A client that connects and does not read until told to.

usage: silent_peer.py PORT

Connects to 127.0.0.1:PORT with a small receive buffer and prints
"CONNECTED <local port>". Reads nothing until a line arrives on stdin; then
reads everything until the server closes and prints "TOTAL <bytes>" and
"SHA256 <hex digest of the bytes>", and exits 0 (5 on a reset, 4 on timeout).
"""
import sys

from peerlib import RESET_EXIT, connect, read_to_end


def main():
    # A small receive buffer before connect: the window stays small, the sender stalls early.
    s = connect(int(sys.argv[1]), timeout=30, rcvbuf=16384)
    sys.stdin.readline()
    total, sha256, end = read_to_end(s)
    if end == "RESET":
        sys.exit(RESET_EXIT)
    print("TOTAL", total, flush=True)
    print("SHA256", sha256, flush=True)


if __name__ == "__main__":
    main()
