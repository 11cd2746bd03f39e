#!/usr/bin/env python3
"""A client that reads to the end of stream, then answers and closes.

usage: read_to_eof_then_reply.py PORT

Connects to 127.0.0.1:PORT and prints "CONNECTED <local port>". Reads until the
server half-closes (end of stream), then sends the line
"TOTAL <bytes> SHA <hex sha256>\n" back over the same connection, closes, and
prints the same line on stdout. The answer can only arrive if the server keeps
reading after its own FIN. Exits 0 (5 on a reset, 4 on timeout).
"""
import sys

from peerlib import RESET_EXIT, connect, read_to_end


def main():
    s = connect(int(sys.argv[1]))
    total, sha256, end = read_to_end(s)
    if end == "RESET":
        sys.exit(RESET_EXIT)
    answer = "TOTAL %d SHA %s" % (total, sha256)
    s.sendall(answer.encode() + b"\n")
    s.close()
    print(answer, flush=True)


if __name__ == "__main__":
    main()
