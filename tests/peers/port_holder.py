#!/usr/bin/env python3
"""Holds a port, as another program would (exercise 8, port already in use).

usage: port_holder.py tcp|udp

Binds 127.0.0.1:0 (and listens, for tcp), prints "PORT <n>", then waits
until stdin is closed.
"""
import socket
import sys


def main():
    kind = sys.argv[1]
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM if kind == "tcp" else socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    if kind == "tcp":
        s.listen(16)
    print("PORT", s.getsockname()[1], flush=True)
    sys.stdin.read()
    s.close()


if __name__ == "__main__":
    main()
