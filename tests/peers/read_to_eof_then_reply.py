#!/usr/bin/env python3
"""A client that reads to the end of stream, then answers and closes.

usage: read_to_eof_then_reply.py PORT

Connects to 127.0.0.1:PORT and prints "CONNECTED <local port>". Reads until the
server half-closes (end of stream), then sends the line
"TOTAL <bytes> SHA <hex sha256>\n" back over the same connection, closes, and
prints the same line on stdout. The answer can only arrive if the server keeps
reading after its own FIN. Exits 0 (5 on a reset, 4 on timeout).
"""
import hashlib
import socket
import sys


def main():
    port = int(sys.argv[1])
    s = socket.create_connection(("127.0.0.1", port), timeout=15)
    print("CONNECTED", s.getsockname()[1], flush=True)
    digest = hashlib.sha256()
    total = 0
    try:
        while True:
            chunk = s.recv(1 << 20)
            if not chunk:
                break
            digest.update(chunk)
            total += len(chunk)
    except ConnectionResetError:
        sys.exit(5)
    except socket.timeout:
        sys.exit(4)
    answer = "TOTAL %d SHA %s" % (total, digest.hexdigest())
    s.sendall(answer.encode() + b"\n")
    s.close()
    print(answer, flush=True)


if __name__ == "__main__":
    main()
