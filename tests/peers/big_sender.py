#!/usr/bin/env python3
"""Sends MIB mebibytes to 127.0.0.1:PORT as fast as possible, then closes.

usage: big_sender.py PORT MIB

Byte k of the stream is k & 0xFF, so the receiver can check every byte.
"""
import socket
import sys

from peerlib import connect, pattern


def main():
    port, mib = int(sys.argv[1]), int(sys.argv[2])
    block = pattern(1 << 20)  # 1 MiB, starts at a multiple of 256
    s = connect(port, timeout=30, announce=False)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4 * 1024 * 1024)
    view = memoryview(block)
    for _ in range(mib):
        s.sendall(view)
    s.shutdown(socket.SHUT_WR)
    while s.recv(4096):
        pass
    s.close()
    print("SENT", mib * len(block), flush=True)


if __name__ == "__main__":
    main()
