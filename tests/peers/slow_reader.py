#!/usr/bin/env python3
"""A client that reads slowly: 64 KiB every 100 ms, until the server closes.

usage: slow_reader.py PORT

Connects to 127.0.0.1:PORT with a small receive buffer and prints
"CONNECTED <local port>". Then reads at most 64 KiB every 100 ms until the end of
stream and prints "TOTAL <bytes>", "SHA256 <hex>" and "EOF", or "RESET" on a
reset. Exits 0 (4 on timeout).
"""
import hashlib
import socket
import sys
import time


def main():
    port = int(sys.argv[1])
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
    s.settimeout(30)
    s.connect(("127.0.0.1", port))
    print("CONNECTED", s.getsockname()[1], flush=True)
    digest = hashlib.sha256()
    total = 0
    end = "EOF"
    try:
        while True:
            time.sleep(0.1)
            chunk = s.recv(65536)
            if not chunk:
                break
            digest.update(chunk)
            total += len(chunk)
    except ConnectionResetError:
        end = "RESET"
    except socket.timeout:
        sys.exit(4)
    print("TOTAL", total, flush=True)
    print("SHA256", digest.hexdigest(), flush=True)
    print(end, flush=True)


if __name__ == "__main__":
    main()
