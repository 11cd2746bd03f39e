#!/usr/bin/env python3
"""Exercise 7 (sticky packets): many length-prefixed messages in ONE sendall.

usage: sticky_sender.py PORT COUNT

Each message is a 2-byte big-endian length followed by the payload. Payload i
is deterministic (see payload()); lengths cover 0, 1, >255 and bytes such as
0x00 and 0x0A. Prints each payload as hex, one per line, then "DONE".
"""
import socket
import struct
import sys


def payload(i):
    if i % 10 == 0:
        return b""
    body = ("msg %d " % i).encode() + bytes([0, 10, 13, 255])
    return body + bytes((i * 7 + k) & 0xFF for k in range((i * 37) % 300))


def main():
    port, count = int(sys.argv[1]), int(sys.argv[2])
    blob = bytearray()
    for i in range(count):
        p = payload(i)
        blob += struct.pack(">H", len(p)) + p
        print(p.hex(), flush=False)
    s = socket.create_connection(("127.0.0.1", port), timeout=15)
    s.sendall(bytes(blob))
    s.shutdown(socket.SHUT_WR)
    # Wait for the server to close so every byte is known to have been read.
    while s.recv(4096):
        pass
    s.close()
    print("DONE", flush=True)


if __name__ == "__main__":
    main()
