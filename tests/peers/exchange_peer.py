#!/usr/bin/env python3
"""Sends and receives NBYTES at the same time, then closes in order.

usage: exchange_peer.py PORT NBYTES

Connects to 127.0.0.1:PORT. One thread sends NBYTES of os.urandom data while the
main thread reads exactly NBYTES. Once both are done it prints "SENT_SHA256 <hex>"
(of what it sent), "RECEIVED <n>" and "SHA256 <hex>" (of what it received), then
closes (a FIN: it has read everything, so no reset). Exits 5 on an early end of
stream, 4 on timeout.
"""
import hashlib
import os
import socket
import sys
import threading


def main():
    port, n = int(sys.argv[1]), int(sys.argv[2])
    s = socket.create_connection(("127.0.0.1", port), timeout=15)
    payload = os.urandom(n)

    def send():
        s.sendall(payload)

    sender = threading.Thread(target=send)
    sender.start()
    digest = hashlib.sha256()
    total = 0
    try:
        while total < n:
            chunk = s.recv(min(1 << 20, n - total))
            if not chunk:
                sys.exit(5)
            digest.update(chunk)
            total += len(chunk)
    except socket.timeout:
        sys.exit(4)
    sender.join()
    print("SENT_SHA256", hashlib.sha256(payload).hexdigest(), flush=True)
    print("RECEIVED", total, flush=True)
    print("SHA256", digest.hexdigest(), flush=True)
    s.close()


if __name__ == "__main__":
    main()
