#include "core/link/receivebuffer.h"

#include <utility>

namespace sockscope {

char *ReceiveBuffer::space()
{
    if (m_block.size() != BlockBytes)
        m_block = QByteArray(BlockBytes, Qt::Uninitialized);
    return m_block.data();
}

QByteArray ReceiveBuffer::take(qsizetype bytes)
{
    Q_ASSERT(bytes >= 0 && bytes <= m_block.size());
    if (bytes < HandOverBytes)
        return QByteArray(m_block.constData(), bytes);
    QByteArray block = std::exchange(m_block, QByteArray());
    block.resize(bytes); // keeps the allocation: the allocator sees BlockBytes again on free
    return block;
}

} // namespace sockscope
