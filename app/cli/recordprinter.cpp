#include "cli/recordprinter.h"

#include "core/codec/escapes.h"
#include "core/codec/hex.h"
#include "core/codec/textcodec.h"
#include "core/report/sessionreport.h"

#include <iterator>

namespace sockscope {

RecordPrinter::RecordPrinter(const Style &style, FILE *out, qint64 maxQueuedBytes)
    : m_style(style), m_out(out), m_maxQueuedBytes(maxQueuedBytes), m_thread([this] { run(); })
{
}

RecordPrinter::~RecordPrinter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void RecordPrinter::namePeer(quint32 id, const QString &endpoint)
{
    Item item;
    item.kind = Item::Kind::Name;
    item.id = id;
    item.name = endpoint.toUtf8();
    push(std::move(item));
}

void RecordPrinter::forgetName(quint32 id)
{
    Item item;
    item.kind = Item::Kind::Unname;
    item.id = id;
    push(std::move(item));
}

void RecordPrinter::peerClosed(quint32 id)
{
    Item item;
    item.kind = Item::Kind::Closed;
    item.id = id;
    push(std::move(item));
}

void RecordPrinter::print(const LogRecords &records)
{
    Item item;
    item.records = records;
    for (const LogRecord &r : records)
        item.bytes += r.bytes.size();
    push(std::move(item));
}

void RecordPrinter::push(Item &&item)
{
    std::unique_lock lock(m_mutex);
    // Past the cap, wait for the worker (a batch bigger than the cap alone still goes in).
    m_changed.wait(lock, [this] { return m_queuedBytes < m_maxQueuedBytes || m_queue.empty(); });
    m_queuedBytes += item.bytes;
    m_queue.push_back(std::move(item));
    lock.unlock();
    m_changed.notify_all();
}

void RecordPrinter::drain()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.empty() && !m_busy; });
}

qint64 RecordPrinter::queuedBytes()
{
    std::lock_guard lock(m_mutex);
    return m_queuedBytes;
}

void RecordPrinter::notifyWhenBelow(qint64 lowBytes, std::function<void()> callback)
{
    bool now = false;
    {
        std::lock_guard lock(m_mutex);
        now = m_queuedBytes <= lowBytes;
        m_lowBytes = now ? -1 : lowBytes;
        m_lowCallback = now ? nullptr : std::move(callback);
    }
    if (now)
        callback();
}

void RecordPrinter::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return !m_queue.empty() || m_stopping; });
        if (m_queue.empty())
            return; // stopping, and everything is written
        Item item = std::move(m_queue.front());
        m_queue.pop_front();
        m_busy = true;
        lock.unlock();
        handle(item);
        const qint64 bytes = item.bytes;
        item = Item(); // the records' blocks are released here, on this thread
        lock.lock();
        m_queuedBytes -= bytes;
        m_busy = false;
        m_changed.notify_all();
        if (m_lowBytes >= 0 && m_queuedBytes <= m_lowBytes) {
            m_lowBytes = -1;
            const std::function<void()> callback = std::exchange(m_lowCallback, nullptr);
            lock.unlock();
            callback();
            lock.lock();
        }
    }
}

void RecordPrinter::handle(Item &item)
{
    switch (item.kind) {
    case Item::Kind::Batch:
        printBatch(item.records);
        break;
    case Item::Kind::Name:
        m_names.insert(item.id, item.name);
        m_lastNamed = 0;
        break;
    case Item::Kind::Unname:
        m_names.remove(item.id);
        m_lastNamed = 0;
        break;
    case Item::Kind::Closed:
        m_closed.append(item.id);
        break;
    }
}

void RecordPrinter::printBatch(const LogRecords &records)
{
    for (const LogRecord &r : records) {
        render(r, m_output);
        flushIfFull(m_output);
    }
    fwrite(m_output.constData(), 1, size_t(m_output.size()), m_out);
    m_output.resize(0);
    fflush(m_out);
    // A batch holds everything a session logged before it, so this one had the last
    // records of the peers closed since the previous batch (issue #11, 12b).
    for (quint32 id : std::as_const(m_closed)) {
        m_decoders.remove(quint64(id) << 1);
        m_decoders.remove(quint64(id) << 1 | 1);
    }
    m_closed.clear();
}

// " RX ", " TX ", " ** "; a relay's " C>S " (from the client, or injected towards the server)
// and " S>C ".
const char *RecordPrinter::directionTag(const LogRecord &r) const
{
    if (r.kind == LogRecord::Kind::Event)
        return " ** ";
    if (m_style.mode != Session::Mode::Relay)
        return r.kind == LogRecord::Kind::Rx ? " RX " : " TX ";
    const bool fromServer = r.flags & LogRecord::Upstream;
    const bool towardsServer = r.kind == LogRecord::Kind::Rx ? !fromServer : fromServer;
    return towardsServer ? " C>S " : " S>C ";
}

namespace {

// QByteArray::number() without its temporary: a flood of short lines prints one per record.
void appendDecimal(QByteArray &out, quint64 n)
{
    char digits[20];
    char *p = std::end(digits);
    do {
        *--p = char('0' + n % 10);
        n /= 10;
    } while (n);
    out.append(p, std::end(digits) - p);
}

} // namespace

void RecordPrinter::appendPeerName(quint32 id, QByteArray &line)
{
    if (!id) {
        line += '-';
        return;
    }
    // A flood's records come from one peer after another: look up each change only.
    if (id != m_lastNamed) {
        m_lastNamed = id;
        m_lastName = m_names.value(id, QByteArrayLiteral("?"));
    }
    line += m_lastName;
}

void RecordPrinter::render(const LogRecord &r, QByteArray &line)
{
    m_time.append(r.timeUs, line);
    line += directionTag(r);
    appendPeerName(r.peerId, line);
    line += ' ';
    if (r.kind == LogRecord::Kind::Event) {
        line += "- ";
        line += escapeForDisplay(r.eventText()).toUtf8();
        line += '\n';
        return;
    }
    appendDecimal(line, quint64(r.bytes.size()));
    line += ' ';
    if (m_style.hex) {
        // A flood arrives as records of up to a MiB, three times that as hex: written out
        // in slices, the output buffer stays small enough to live in the CPU cache.
        constexpr qsizetype kSlice = 64 * 1024;
        const QByteArrayView bytes(r.bytes);
        for (qsizetype at = 0; at < bytes.size(); at += kSlice) {
            if (at > 0)
                line += ' ';
            appendHex(line, bytes.sliced(at, qMin(kSlice, bytes.size() - at)));
            flushIfFull(line);
        }
    } else {
        const quint64 key = quint64(r.peerId) << 1 | (r.kind == LogRecord::Kind::Tx ? 1 : 0);
        // (A relay's two directions are two peers: each has its own decoder by its id.)
        auto &decoder = m_decoders[key];
        if (!decoder)
            decoder = std::make_shared<StreamDecoder>(m_style.encoding, InvalidBytes::Visible);
        // Control characters and terminal escapes are shown as escapes, never
        // passed to the terminal: one record is always one line.
        line += decoder->decode(r.bytes).toUtf8();
    }
    if (r.flags & LogRecord::ChecksumBad)
        line += " [checksum mismatch]";
    if (r.flags & LogRecord::Oversized)
        line += " [cut: frame larger than the maximum]";
    if (r.flags & LogRecord::Incomplete)
        line += " [incomplete: stream ended]";
    if (m_style.mode == Session::Mode::Relay)
        appendRelayMarks(r, line);
    line += '\n';
}

// What a relay did with a record's bytes: a rewrite rule's work, or an injection.
void RecordPrinter::appendRelayMarks(const LogRecord &r, QByteArray &line)
{
    const QByteArray rule = '"' + escapeForDisplay(r.replyRule).toUtf8() + '"';
    if (r.kind == LogRecord::Kind::Tx)
        line += r.flags & LogRecord::Rewritten ? " [replacement: " + rule + ']' : " [injected]";
    else if (r.flags & LogRecord::Rewritten)
        line += " [rewritten: " + rule + ']';
    else if (r.flags & LogRecord::Dropped)
        line += " [dropped: " + rule + ']';
    else if (r.flags & LogRecord::Delayed)
        line += " [delayed: " + rule + ']';
}

void RecordPrinter::flushIfFull(QByteArray &line)
{
    // One reused buffer, written out every 256 KiB: a flood costs no allocation
    // per record and memory stays flat however large a batch is.
    constexpr qsizetype kFlushAt = 256 * 1024;
    if (line.size() >= kFlushAt) {
        fwrite(line.constData(), 1, size_t(line.size()), m_out);
        line.resize(0);
    }
}

} // namespace sockscope
