// Keeps every LogRecord a Session delivers, with queries by peer and kind.
#pragma once

#include "core/log/logrecord.h"
#include "core/session/session.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

namespace sockscope::test {

class RecordLog
{
public:
    explicit RecordLog(Session *session)
    {
        QObject::connect(session, &Session::recordsReady, session,
                         [this](const LogRecords &batch) { m_records += batch; });
    }

    // Every record so far, in delivery order.
    const LogRecords &all() const { return m_records; }

    // The records of `kind` for `peerId` (0: session-level), in order.
    LogRecords of(quint32 peerId, LogRecord::Kind kind) const
    {
        LogRecords out;
        for (const LogRecord &r : m_records) {
            if (r.peerId == peerId && r.kind == kind)
                out.append(r);
        }
        return out;
    }

    // Their bytes, concatenated (a stream) ...
    QByteArray bytes(quint32 peerId, LogRecord::Kind kind) const
    {
        QByteArray out;
        for (const LogRecord &r : of(peerId, kind))
            out += r.bytes;
        return out;
    }

    // ... or one entry per record (datagrams, frames).
    QList<QByteArray> payloads(quint32 peerId, LogRecord::Kind kind) const
    {
        QList<QByteArray> out;
        for (const LogRecord &r : of(peerId, kind))
            out.append(r.bytes);
        return out;
    }

    // Error events of any peer.
    int errorEvents() const
    {
        int n = 0;
        for (const LogRecord &r : m_records)
            n += isError(r);
        return n;
    }

    // Error events of any peer whose text contains `needle` (case-sensitive).
    int errorEvents(const QString &needle) const
    {
        int n = 0;
        for (const LogRecord &r : m_records)
            n += isError(r) && r.eventText().contains(needle);
        return n;
    }

    // Whether an event of `peerId` contains `needle`, ignoring case.
    bool hasEvent(quint32 peerId, const QString &needle) const
    {
        for (const LogRecord &r : of(peerId, LogRecord::Kind::Event)) {
            if (r.eventText().contains(needle, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }

private:
    static bool isError(const LogRecord &r)
    {
        return r.kind == LogRecord::Kind::Event && (r.flags & LogRecord::Error);
    }

    LogRecords m_records;
};

} // namespace sockscope::test
