#!/usr/bin/env python3
"""Exercise 1: a TCP client that talks GBK to a server on 127.0.0.1.

usage: gbk_client.py PORT [--newline] [--lockstep] [--expect REPLY]

Sends "你好服务端,我是客户端小黑!" in GBK one byte per send() with TCP_NODELAY
(plus "\n" with --newline), then reads until the GBK encoding of REPLY has
arrived. Prints "REPLY <text>"; exits 0 when it matches, 3 when not.
With --lockstep it waits for one "." from the server after each byte, so the
server is sure to read every byte on its own (no sleeps needed).
"""
import socket
import sys

MESSAGE = "你好服务端,我是客户端小黑!"


def main():
    port = int(sys.argv[1])
    newline = "--newline" in sys.argv
    lockstep = "--lockstep" in sys.argv
    expect = sys.argv[sys.argv.index("--expect") + 1] if "--expect" in sys.argv else ""
    data = MESSAGE.encode("gbk") + (b"\n" if newline else b"")
    s = socket.create_connection(("127.0.0.1", port), timeout=15)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    for i in range(len(data)):
        s.sendall(data[i:i + 1])
        if lockstep and s.recv(1) != b".":
            print("BAD ACK", flush=True)
            sys.exit(4)
    print("SENT", len(data), flush=True)
    want = expect.encode("gbk")
    got = b""
    while len(got) < len(want):
        chunk = s.recv(1024)
        if not chunk:
            break
        got += chunk
    text = got.decode("gbk", errors="replace")
    print("REPLY", text, flush=True)
    s.close()
    sys.exit(0 if got == want else 3)


if __name__ == "__main__":
    main()
