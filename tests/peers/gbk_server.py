#!/usr/bin/env python3
"""Exercise 2: a one-shot TCP server on 127.0.0.1 that answers in GBK and closes.

usage: gbk_server.py [EXPECT]

Binds 127.0.0.1:0 with SO_REUSEADDR, listen(128), prints "PORT <n>", accepts
one client, reads until the GBK encoding of EXPECT has arrived (or one
recv(1024) when EXPECT is empty), prints "GOT <text>", replies
"ok, 问题正在处理中..." in GBK and closes. Exits 0 when the text matched.
"""
import socket
import sys

REPLY = "ok, 问题正在处理中..."


def main():
    expect = sys.argv[1] if len(sys.argv) > 1 else ""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(128)
    srv.settimeout(15)
    print("PORT", srv.getsockname()[1], flush=True)
    conn, addr = srv.accept()
    conn.settimeout(15)
    want = expect.encode("gbk")
    got = conn.recv(1024)
    while len(got) < len(want):
        chunk = conn.recv(1024)
        if not chunk:
            break
        got += chunk
    print("GOT", got.decode("gbk", errors="replace"), flush=True)
    conn.sendall(REPLY.encode("gbk"))
    conn.close()
    srv.close()
    sys.exit(0 if not want or got == want else 3)


if __name__ == "__main__":
    main()
