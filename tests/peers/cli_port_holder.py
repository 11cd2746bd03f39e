#!/usr/bin/env python3
"""Holds a TCP port on 127.0.0.1 the way another program would, for tst_cli.

Binds 127.0.0.1:0, listens, prints "PORT <n>" and keeps the port until its
stdin is closed (or it is killed).
"""
import socket
import sys


def main():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    s.listen(4)
    print("PORT", s.getsockname()[1], flush=True)
    sys.stdin.read()
    s.close()


if __name__ == "__main__":
    main()
