#pragma once

#include <QByteArray>

namespace sockscope {

// Where a link's recv() lands (issue #16). Reads go into one block of BlockBytes that is kept
// warm: a read that fills most of it is handed over as the block itself, and the next read
// gets a new block; a smaller read is copied out into a block of exactly its size, and the warm
// block is read into again.
//
// Why: a flood used to land in a fresh allocation per read that was then shrunk to what was
// read. Every block the allocator saw had a different size, so the holes left by the log
// store's evictions rarely fitted the next read: the heap grew by a third beyond what the log
// held, and every read touched new pages (page faults were an eighth of the window's CPU time).
// Now the allocator sees blocks of exactly BlockBytes, which an eviction frees for the next read
// as they are, and small blocks that hold no unused capacity.
class ReceiveBuffer
{
public:
    // One recv(): big enough that a flood takes few system calls, small enough to stay in the
    // CPU's cache while a small read is copied out.
    static constexpr qsizetype BlockBytes = 256 * 1024;
    // A read this big is handed over in its block (at most a quarter of it unused).
    static constexpr qsizetype HandOverBytes = BlockBytes / 4 * 3;

    // The warm block's memory, BlockBytes long, for one recv().
    char *space();
    // The first `bytes` of space() as a block of their own, for received().
    QByteArray take(qsizetype bytes);

private:
    QByteArray m_block;
};

} // namespace sockscope
