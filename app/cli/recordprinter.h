#pragma once

#include "core/codec/encoding.h"
#include "core/log/logrecord.h"
#include "core/report/sessionreport.h"
#include "core/session/session.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace sockscope {

class StreamDecoder;

// The headless runner's stdout: one line per record, rendered and written on a thread of its
// own, so that formatting (hex above all: three characters per byte) runs beside the event
// loop's reads and writes instead of between them. Everything is handled in the order given.
// print() waits while more than maxQueuedBytes of payload are still to be written, so memory
// stays bounded; a caller that can hold its producer back earlier (queuedBytes(),
// notifyWhenBelow()) never waits there.
class RecordPrinter
{
    Q_DISABLE_COPY_MOVE(RecordPrinter)

public:
    struct Style
    {
        Session::Mode mode = Session::Mode::TcpServer; // a relay's lines say C>S / S>C
        bool hex = false;                               // else decoded in `encoding`
        Encoding encoding = Encoding::Utf8;
    };
    static constexpr qint64 DefaultMaxQueuedBytes = 64 << 20;

    RecordPrinter(const Style &style, FILE *out, qint64 maxQueuedBytes = DefaultMaxQueuedBytes);
    ~RecordPrinter(); // writes what was given, then stops

    // How lines name a peer ("addr:port"), from the next record on; forgetName() after it left.
    void namePeer(quint32 id, const QString &endpoint);
    void forgetName(quint32 id);
    // The peer closed: its text decoders go once the next batch (its last records) is printed.
    void peerClosed(quint32 id);
    void print(const LogRecords &records);
    // Returns once everything given so far is written and flushed.
    void drain();
    qint64 queuedBytes();
    // Called once, on the printer's thread, when what is queued next falls to `lowBytes` or
    // below (the caller posts to its own thread from there).
    void notifyWhenBelow(qint64 lowBytes, std::function<void()> callback);

private:
    struct Item
    {
        enum class Kind
        {
            Batch,
            Name,
            Unname,
            Closed
        };
        Kind kind = Kind::Batch;
        LogRecords records;
        quint32 id = 0;
        QByteArray name;
        qint64 bytes = 0; // payload, for the queue's cap
    };
    void push(Item &&item);
    void run();
    void handle(Item &item);
    void printBatch(const LogRecords &records);
    void render(const LogRecord &record, QByteArray &line);
    void appendPeerName(quint32 id, QByteArray &line);
    const char *directionTag(const LogRecord &record) const;
    static void appendRelayMarks(const LogRecord &record, QByteArray &line);
    void flushIfFull(QByteArray &line);

    const Style m_style;
    FILE *m_out;
    const qint64 m_maxQueuedBytes;

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_queue;
    qint64 m_queuedBytes = 0;
    bool m_busy = false; // the worker holds an item taken off the queue
    bool m_stopping = false;
    qint64 m_lowBytes = -1; // notifyWhenBelow(): armed while >= 0
    std::function<void()> m_lowCallback;

    // The worker's own.
    QHash<quint32, QByteArray> m_names;
    quint32 m_lastNamed = 0; // appendPeerName()'s last peer (0: none), and its name
    QByteArray m_lastName;
    QHash<quint64, std::shared_ptr<StreamDecoder>> m_decoders; // peer id << 1 | direction
    QList<quint32> m_closed;
    QByteArray m_output; // reused for every batch
    IsoTimeFormatter m_time;

    std::thread m_thread; // last: starts once everything above exists
};

} // namespace sockscope
