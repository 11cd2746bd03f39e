#include "core/log/logstore.h"

namespace sockscope {

qsizetype LogStore::rowOf(quint64 sequence) const
{
    if (sequence < m_firstSeq || sequence >= m_firstSeq + quint64(m_rows.size()))
        return -1;
    return qsizetype(sequence - m_firstSeq);
}

qsizetype LogStore::evictionsFor(const LogRecords &incoming, qsizetype *keepFrom) const
{
    // Keep as much of the batch's tail as fits on its own.
    qsizetype from = incoming.size();
    qint64 batchBytes = 0;
    while (from > 0) {
        const qint64 c = cost(incoming[from - 1]);
        if (incoming.size() - from + 1 > m_limits.maxRows || batchBytes + c > m_limits.maxBytes)
            break;
        batchBytes += c;
        --from;
    }
    if (keepFrom)
        *keepFrom = from;
    const qsizetype kept = incoming.size() - from;

    qsizetype evict = 0;
    qint64 bytes = m_bytes;
    const qsizetype rows = size();
    while (evict < rows &&
           (rows - evict + kept > m_limits.maxRows || bytes + batchBytes > m_limits.maxBytes)) {
        bytes -= cost(m_rows[size_t(evict)]);
        ++evict;
    }
    return evict;
}

void LogStore::evictOldest(qsizetype count)
{
    count = qMin(count, size());
    for (qsizetype i = 0; i < count; ++i) {
        m_bytes -= cost(m_rows.front());
        m_rows.pop_front();
    }
    m_firstSeq += quint64(count);
}

void LogStore::append(const LogRecords &records, qsizetype from)
{
    for (qsizetype i = from; i < records.size(); ++i) {
        m_bytes += cost(records[i]);
        m_rows.push_back(records[i]);
    }
}

void LogStore::clear()
{
    m_firstSeq += quint64(m_rows.size());
    m_rows.clear();
    m_bytes = 0;
}

} // namespace sockscope
