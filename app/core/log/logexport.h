#pragma once

#include "core/codec/encoding.h"
#include "core/log/logrecord.h"

#include <QFile>
#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

class QIODevice;

namespace sockscope {

// Writing a session's log to files: a one-off export of what is stored, and
// a recorder that appends every record as it arrives (so the file sees every
// byte even when the view caps, drops or pauses).
namespace LogExport {

enum class Format
{
    Text,  // one line per record, as the log shows it
    Csv,   // time, direction, peer, length, hex, text
    RawRx, // the received bytes only, concatenated: byte-exact capture of the stream
};

struct Options
{
    Format format = Format::Text;
    bool hex = false; // Text/CSV: data column as hex instead of decoded text
    Encoding encoding = Encoding::Utf8;
    bool timestamps = true;
    QSet<quint32> peerFilter;                 // empty: all peers
    std::function<QString(quint32)> peerName; // endpoint for a peer id
    // A relay's log: data rows say C>S or S>C (as the headless lines do) instead of RX/TX.
    bool relay = false;
    // A relay's pairs: the peer whose name a peer's rows carry (an upstream side: its client),
    // so both directions of a pair name it alike. Unset: every peer by its own name.
    std::function<quint32(quint32)> namedAs;
};

// One record rendered for Text or CSV (no trailing newline for Text; CSV
// fields quoted as needed). Control characters are shown as escapes.
QByteArray formatRecord(const LogRecord &record, const Options &options);
QByteArray csvHeader();
// One CSV field, quoted when needed.
QByteArray csvField(const QByteArray &field);

// Whether a record goes into an export with these options (peer filter, RawRx: Rx only).
bool accepts(const LogRecord &record, const Options &options);

// Writes records (RawRx: their Rx payloads) to a device.
bool write(QIODevice *device, const LogRecords &records, const Options &options);
// Writes records from index `from` on, stopping after the record that brings the output to
// maxBytes or more; returns the index after the last record written, -1 on a write error.
qsizetype writeSome(QIODevice *device, const LogRecords &records, qsizetype from, qint64 maxBytes,
                    const Options &options);

} // namespace LogExport

// Appends every record it is given to a file as it arrives, in one write per
// batch: every peer's and the session's (a peer filter in the options is not
// applied). Errors stop the recording and are reported once.
class LogRecorder : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogRecorder)

public:
    explicit LogRecorder(QObject *parent = nullptr);
    ~LogRecorder() override;

    bool start(const QString &path, const LogExport::Options &options, QString *error);
    void stop();
    bool isRecording() const { return m_file.isOpen(); }
    QString path() const { return m_file.fileName(); }
    qint64 bytesWritten() const { return m_written; }
    // Peers' endpoints, for the peer column.
    void setPeerName(quint32 id, const QString &name) { m_names.insert(id, name); }
    qsizetype peerNameCount() const { return m_names.size(); }
    // Peers the session dropped (their records were delivered before).
    void forgetPeers(const QList<quint32> &ids);

    void append(const sockscope::LogRecords &records);

signals:
    void failed(const QString &message);

private:
    QFile m_file;
    LogExport::Options m_options;
    QHash<quint32, QString> m_names;
    qint64 m_written = 0;
};

} // namespace sockscope
