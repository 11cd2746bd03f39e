#!/usr/bin/env python3
"""Sends BYTES pseudo-random bytes, fixed by SEED, to 127.0.0.1:PORT, then closes.

usage: seeded_sender.py PORT BYTES SEED
       seeded_sender.py --digest FILE


The stream is made of 64 KiB blocks; block k is the 64 KiB slice at offset
k * 40503 (mod 4 MiB) of a 4 MiB pool drawn from random.Random(SEED). The
stride is odd, so every block of a stream up to 256 GiB starts at a different
offset: a dropped, repeated or reordered block changes the digest. (Drawing
every byte from the generator would be about 8x slower than the receiver.)

Prints "SHA256 <hex digest of everything sent>" and "SENT <count>" when done.

With --digest it prints "SHA256 <hex digest of FILE>" instead, for the receiving side:
hashlib is several times faster than QCryptographicHash at this size.
"""
import hashlib
import random
import socket
import sys

BLOCK = 64 * 1024
POOL = 4 * 1024 * 1024
STRIDE = 40503


def digest_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1024 * 1024), b""):
            digest.update(chunk)
    print("SHA256", digest.hexdigest(), flush=True)


def main():
    if sys.argv[1] == "--digest":
        digest_file(sys.argv[2])
        return
    port, total, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    pool = random.Random(seed).randbytes(POOL)
    view = memoryview(pool + pool[:BLOCK])  # a block may wrap around the pool's end
    digest = hashlib.sha256()
    s = socket.create_connection(("127.0.0.1", port), timeout=60)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4 * 1024 * 1024)
    sent = 0
    k = 0
    while sent < total:
        offset = (k * STRIDE) % POOL
        block = view[offset : offset + min(BLOCK, total - sent)]
        s.sendall(block)
        digest.update(block)
        sent += len(block)
        k += 1
    # Nothing is read from us, so closing sends FIN after the queued bytes, never RST.
    s.close()
    print("SHA256", digest.hexdigest(), flush=True)
    print("SENT", sent, flush=True)


if __name__ == "__main__":
    main()
