#!/usr/bin/env python3
"""Exercise 5: UDP "customer service" on 127.0.0.1.

usage: udp_service.py

Binds 127.0.0.1:0, prints "PORT <n>", then for each datagram prints
"FROM <ip>:<port> <hex>" and replies b"ack:" + datagram to the sender.
A datagram "bye" ends it (after replying).
"""
import socket
import sys


def main():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    s.settimeout(20)
    print("PORT", s.getsockname()[1], flush=True)
    while True:
        data, addr = s.recvfrom(65535)
        print("FROM %s:%d %s" % (addr[0], addr[1], data.hex()), flush=True)
        s.sendto(b"ack:" + data, addr)
        if data == b"bye":
            break
    s.close()


if __name__ == "__main__":
    main()
