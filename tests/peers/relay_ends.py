#!/usr/bin/env python3
"""Both ends of a relayed conversation, for the relay tests (no SockScope code here).

usage:
  relay_ends.py server MODE [ARG]   listen on 127.0.0.1:0, print "PORT <n>", serve every
                                    connection in a thread until killed
  relay_ends.py client MODE PORT [ARG...]

Server modes (one line per connection on stdout when it ends):
  exchange N     read to end of stream while sending N seeded bytes, then half-close:
                 "CONN got=<n> sha=<hex> sent_sha=<hex>"
  eof-reply      read to end of stream, then answer "TOTAL <n> SHA <hex>\\n" and close:
                 "CONN got=<n> sha=<hex>"
  reset-after K  read K bytes, then reset the connection: "CONN reset-sent"
  slow           read 256 KiB every 10 ms until end of stream: "CONN got=<n> sha=<hex>"
  hold           accept, read nothing (a server that does not answer), "CONN open"
Client modes:
  exchange PORT N CONNS   CONNS connections at once; each sends N random bytes, half-closes
                          and reads to end of stream; per connection
                          "CLIENT sent_sha=<hex> got=<n> sha=<hex>", then "DONE"
  eof-reply PORT N        send N bytes, half-close, read the answer: "ANSWER <line>"
  reset PORT K            send K bytes, then reset: "RESET-SENT"
  wait-reset PORT         connect, wait for a reset: "GOT-RESET" (or "GOT-EOF", "TIMEOUT")
  slow-read PORT          connect, half-close at once, read slowly to end of stream:
                          "CLIENT got=<n> sha=<hex>"
A server's exchange data is seeded by its connection number (deterministic), a client's is
os.urandom. Exits 4 on timeout.
"""
import hashlib
import os
import random
import socket
import struct
import sys
import threading
import time

lock = threading.Lock()


def say(*words):
    with lock:
        print(*words, flush=True)


def read_to_eof(s, slow=False):
    digest, total = hashlib.sha256(), 0
    while True:
        chunk = s.recv(256 << 10 if slow else 1 << 20)
        if not chunk:
            return total, digest.hexdigest()
        digest.update(chunk)
        total += len(chunk)
        if slow:
            time.sleep(0.01)


def reset(s):
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()


def send_then_finish(s, data):
    s.sendall(data)
    s.shutdown(socket.SHUT_WR)


def serve(conn, number, mode, arg):
    conn.settimeout(30)
    try:
        if mode == "exchange":
            data = random.Random(number).randbytes(int(arg))
            sender = threading.Thread(target=send_then_finish, args=(conn, data))
            sender.start()
            got, sha = read_to_eof(conn)
            sender.join()
            say("CONN", f"got={got}", f"sha={sha}", f"sent_sha={hashlib.sha256(data).hexdigest()}")
        elif mode == "eof-reply":
            got, sha = read_to_eof(conn)
            conn.sendall(f"TOTAL {got} SHA {sha}\n".encode())
            say("CONN", f"got={got}", f"sha={sha}")
        elif mode == "reset-after":
            want = int(arg)
            while want > 0:
                chunk = conn.recv(want)
                if not chunk:
                    break
                want -= len(chunk)
            reset(conn)
            say("CONN", "reset-sent")
            return
        elif mode == "slow":
            got, sha = read_to_eof(conn, slow=True)
            say("CONN", f"got={got}", f"sha={sha}")
        elif mode == "hold":
            say("CONN", "open")
            time.sleep(60)
    except ConnectionResetError:
        say("CONN", "got-reset")
    except socket.timeout:
        say("CONN", "timeout")
    conn.close()


def server(mode, arg):
    ls = socket.socket()
    ls.bind(("127.0.0.1", 0))
    ls.listen(256)
    say("PORT", ls.getsockname()[1])
    number = 0
    while True:
        conn, _ = ls.accept()
        number += 1
        threading.Thread(target=serve, args=(conn, number, mode, arg), daemon=True).start()


def exchange_client(port, n):
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    data = os.urandom(n)
    sender = threading.Thread(target=send_then_finish, args=(s, data))
    sender.start()
    got, sha = read_to_eof(s)
    sender.join()
    s.close()
    say("CLIENT", f"sent_sha={hashlib.sha256(data).hexdigest()}", f"got={got}", f"sha={sha}")


def client(mode, port, args):
    try:
        if mode == "exchange":
            n, conns = int(args[0]), int(args[1])
            threads = [threading.Thread(target=exchange_client, args=(port, n)) for _ in range(conns)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            say("DONE")
        elif mode == "eof-reply":
            s = socket.create_connection(("127.0.0.1", port), timeout=30)
            send_then_finish(s, b"x" * int(args[0]))
            answer = b""
            while not answer.endswith(b"\n"):
                chunk = s.recv(4096)
                if not chunk:
                    break
                answer += chunk
            say("ANSWER", answer.decode().strip())
        elif mode == "reset":
            s = socket.create_connection(("127.0.0.1", port), timeout=30)
            s.sendall(b"r" * int(args[0]))
            time.sleep(0.2)
            reset(s)
            say("RESET-SENT")
        elif mode == "slow-read":
            s = socket.create_connection(("127.0.0.1", port), timeout=30)
            s.shutdown(socket.SHUT_WR)
            got, sha = read_to_eof(s, slow=True)
            say("CLIENT", f"got={got}", f"sha={sha}")
        elif mode == "wait-reset":
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            s.sendall(b"hello")
            try:
                while s.recv(65536):
                    pass
                say("GOT-EOF")
            except ConnectionResetError:
                say("GOT-RESET")
    except socket.timeout:
        say("TIMEOUT")
        sys.exit(4)


def main():
    role, mode = sys.argv[1], sys.argv[2]
    if role == "server":
        server(mode, sys.argv[3] if len(sys.argv) > 3 else None)
    else:
        client(mode, int(sys.argv[3]), sys.argv[4:])


if __name__ == "__main__":
    main()
