#!/usr/bin/env python3
"""A client that reads slowly: 64 KiB every 100 ms, until the server closes.

usage: slow_reader.py PORT

Connects to 127.0.0.1:PORT with a small receive buffer and prints
"CONNECTED <local port>". Then reads at most 64 KiB every 100 ms until the end of
stream and prints "TOTAL <bytes>", "SHA256 <hex>" and "EOF", or "RESET" on a
reset. Exits 0 (4 on timeout).
"""
import sys

from peerlib import connect, read_to_end


def main():
    s = connect(int(sys.argv[1]), timeout=30, rcvbuf=65536)
    total, sha256, end = read_to_end(s, size=65536, pause=0.1)
    print("TOTAL", total, flush=True)
    print("SHA256", sha256, flush=True)
    print(end, flush=True)


if __name__ == "__main__":
    main()
