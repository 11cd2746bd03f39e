#!/usr/bin/env python3
"""Sends COUNT small datagrams to 127.0.0.1:PORT at full speed.

usage: udp_burst.py PORT COUNT

Datagram i is b"burst %06d" % i (12 bytes). Prints "SENT <count>".
"""
import socket
import sys


def main():
    port, count = int(sys.argv[1]), int(sys.argv[2])
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    dest = ("127.0.0.1", port)
    for i in range(count):
        s.sendto(b"burst %06d" % i, dest)
    s.close()
    print("SENT", count, flush=True)


if __name__ == "__main__":
    main()
