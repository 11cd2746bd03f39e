#include "core/log/logexport.h"

#include "core/codec/escapes.h"
#include "core/codec/hex.h"
#include "core/codec/textcodec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>

#include <limits>

namespace sockscope {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(sockscope::LogExport)
};

QByteArray timeText(qint64 us)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(us / 1000);
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")).toUtf8() +
           QByteArray::number(us % 1000 + 1000).mid(1);
}

const char *directionText(const LogRecord &r, bool relay)
{
    if (relay && r.kind != LogRecord::Kind::Event) {
        // Rx: what the side sent; Tx (injected): what was sent to it.
        const bool towardsServer =
            (r.kind == LogRecord::Kind::Rx) != bool(r.flags & LogRecord::Upstream);
        return towardsServer ? "C>S" : "S>C";
    }
    switch (r.kind) {
    case LogRecord::Kind::Rx:
        return "RX";
    case LogRecord::Kind::Tx:
        return "TX";
    case LogRecord::Kind::Event:
        return "**";
    }
    return "";
}

QByteArray dataText(const LogRecord &r, const LogExport::Options &o)
{
    if (r.kind == LogRecord::Kind::Event)
        return escapeForDisplay(r.eventText()).toUtf8();
    if (o.hex)
        return toHex(r.bytes);
    const CarryIn &carry = o.encoding == Encoding::Gbk ? r.carryGbk : r.carryUtf8;
    return decodeRecord(carry, r.bytes, o.encoding, InvalidBytes::Visible).toUtf8();
}

} // namespace

bool LogExport::accepts(const LogRecord &r, const Options &o)
{
    if (!o.peerFilter.isEmpty() && !o.peerFilter.contains(r.peerId))
        return false;
    return o.format != Format::RawRx || r.kind == LogRecord::Kind::Rx;
}

QByteArray LogExport::csvField(const QByteArray &field)
{
    // Spreadsheets evaluate a cell starting with = + - @ (tab and CR too, in some) even when
    // quoted; a peer's bytes must not become a formula or a DDE command. A leading ' makes
    // it text (OWASP's advice for CSV injection); it is inside the quotes, so it shows.
    const bool formula = !field.isEmpty() && QByteArrayView("=+-@\t\r").contains(field.front());
    if (!formula && !field.contains(',') && !field.contains('"') && !field.contains('\n') &&
        !field.contains('\r'))
        return field;
    QByteArray q = field;
    q.replace('"', "\"\"");
    if (formula)
        q.prepend('\'');
    return '"' + q + '"';
}

QByteArray LogExport::csvHeader()
{
    return "time,direction,peer,length,hex,text\n";
}

QByteArray LogExport::formatRecord(const LogRecord &r, const Options &o)
{
    const quint32 named = o.namedAs && r.peerId != 0 ? o.namedAs(r.peerId) : r.peerId;
    const QByteArray peer = named == 0   ? QByteArray("-")
                            : o.peerName ? o.peerName(named).toUtf8()
                                         : QByteArray::number(named);
    const QByteArray length =
        r.kind == LogRecord::Kind::Event ? QByteArray() : QByteArray::number(r.bytes.size());
    if (o.format == Format::Csv) {
        const bool event = r.kind == LogRecord::Kind::Event;
        Options textOptions = o;
        textOptions.hex = false;
        return timeText(r.timeUs) + ',' + directionText(r, o.relay) + ',' + csvField(peer) + ',' +
               length + ',' + (event ? QByteArray() : toHex(r.bytes)) + ',' +
               csvField(dataText(r, textOptions));
    }
    QByteArray line;
    if (o.timestamps)
        line += timeText(r.timeUs) + ' ';
    line += directionText(r, o.relay);
    line += ' ' + peer;
    if (!length.isEmpty())
        line += ' ' + length;
    line += ' ' + dataText(r, o);
    return line;
}

bool LogExport::write(QIODevice *device, const LogRecords &records, const Options &o)
{
    return writeSome(device, records, 0, std::numeric_limits<qint64>::max(), o) >= 0;
}

qsizetype LogExport::writeSome(QIODevice *device, const LogRecords &records, qsizetype from,
                               qint64 maxBytes, const Options &o)
{
    QByteArray block;
    qint64 written = 0;
    auto flush = [&] {
        const bool ok = device->write(block) == block.size();
        written += block.size();
        block.clear();
        return ok;
    };
    qsizetype i = from;
    while (i < records.size() && written + block.size() < maxBytes) {
        const LogRecord &r = records.at(i++);
        if (!accepts(r, o))
            continue;
        if (o.format == Format::RawRx) {
            block += r.bytes;
        } else {
            block += formatRecord(r, o);
            block += '\n';
        }
        if (block.size() > (1 << 20) && !flush())
            return -1;
    }
    return flush() ? i : -1;
}

LogRecorder::LogRecorder(QObject *parent) : QObject(parent) {}

LogRecorder::~LogRecorder() = default;

void LogRecorder::forgetPeers(const QList<quint32> &ids)
{
    for (quint32 id : ids)
        m_names.remove(id);
}

bool LogRecorder::start(const QString &path, const LogExport::Options &options, QString *error)
{
    stop();
    m_options = options;
    m_options.peerFilter.clear(); // a recording is everything, whatever the view shows
    m_options.peerName = [this](quint32 id) { return m_names.value(id, QString::number(id)); };
    // A FIFO nobody reads blocks open() for writing, and the window with it; a device is
    // no recording either.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        *error = Tr::tr("Cannot record to %1: it is not a regular file.").arg(path);
        return false;
    }
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        *error = Tr::tr("Cannot record to %1: %2").arg(path, m_file.errorString());
        return false;
    }
    m_written = 0;
    if (m_file.size() == 0 && options.format == LogExport::Format::Csv)
        m_written += m_file.write(LogExport::csvHeader());
    return true;
}

void LogRecorder::stop()
{
    if (m_file.isOpen())
        m_file.close();
}

void LogRecorder::append(const LogRecords &records)
{
    if (!m_file.isOpen())
        return;
    const qint64 before = m_file.pos();
    if (!LogExport::write(&m_file, records, m_options) || !m_file.flush()) {
        const QString message =
            Tr::tr("Recording to %1 stopped: %2").arg(m_file.fileName(), m_file.errorString());
        m_file.close();
        emit failed(message);
        return;
    }
    m_written += m_file.pos() - before;
}

} // namespace sockscope
