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
import sys
import threading

from peerlib import connect, read_exactly


def main():
    port, n = int(sys.argv[1]), int(sys.argv[2])
    s = connect(port, announce=False)
    payload = os.urandom(n)
    sender = threading.Thread(target=lambda: s.sendall(payload))
    sender.start()
    received = read_exactly(s, n)
    sender.join()
    print("SENT_SHA256", hashlib.sha256(payload).hexdigest(), flush=True)
    print("RECEIVED", n, flush=True)
    print("SHA256", received, flush=True)
    s.close()


if __name__ == "__main__":
    main()
