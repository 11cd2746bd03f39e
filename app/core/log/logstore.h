#pragma once

#include "core/log/logrecord.h"

#include <deque>

namespace sockscope {

// The log's memory: a ring of records with their raw bytes, capped by row
// count and by bytes, so a flood can never grow memory without bound. The
// oldest rows go first. A plain data structure: the view model drives it and
// announces removals and insertions with the proper model signals.
class LogStore
{
public:
    struct Limits
    {
        qsizetype maxRows = 200000;
        qint64 maxBytes = 128ll * 1024 * 1024;
    };
    // Bookkeeping cost charged per row on top of its payload.
    static constexpr qint64 RowOverhead = qint64(sizeof(LogRecord)) + 32;

    LogStore() = default;
    explicit LogStore(const Limits &limits) : m_limits(limits) {}

    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }

    qsizetype size() const { return qsizetype(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty(); }
    const LogRecord &at(qsizetype row) const { return m_rows[size_t(row)]; }
    qint64 bytes() const { return m_bytes; }

    // Absolute sequence number of row 0; rows keep their sequence number for
    // life, so caches and selections survive evictions.
    quint64 firstSequence() const { return m_firstSeq; }
    quint64 sequenceOf(qsizetype row) const { return m_firstSeq + quint64(row); }
    qsizetype rowOf(quint64 sequence) const; // -1 when evicted or not yet stored

    // How many of the oldest rows must go so that `incoming` fits in the limits.
    // When the batch alone exceeds the limits, everything stored goes and only
    // the batch's tail is kept (see keepFrom).
    qsizetype evictionsFor(const LogRecords &incoming, qsizetype *keepFrom) const;
    void evictOldest(qsizetype count);
    void append(const LogRecords &records, qsizetype from = 0);
    void clear();

    // A row costs the memory its bytes hold: a received block can hold more than was read
    // (ReceiveBuffer hands over blocks up to a quarter unused).
    static qint64 cost(const LogRecord &r)
    {
        return RowOverhead + qMax(r.bytes.size(), r.bytes.capacity());
    }

private:
    Limits m_limits;
    std::deque<LogRecord> m_rows;
    qint64 m_bytes = 0;
    quint64 m_firstSeq = 0;
};

} // namespace sockscope
