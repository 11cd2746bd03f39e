#pragma once

#include "core/senders/pacestate.h"
#include "core/session/session.h"

#include <QFile>
#include <QObject>
#include <QPointer>

namespace sockscope {

// Streams a file through a session, reading it piece by piece so memory stays
// bounded whatever the file size or the peer's speed.
//
// TCP: to one peer, in chunks, writing only while the peer's socket holds
// fewer than highWaterBytes unwritten bytes and resuming on
// Session::peerBytesWritten; so at most highWaterBytes + chunkSize bytes are
// ever queued. Finishes once every byte has been written to the kernel.
//
// UDP: as datagrams of datagramSize bytes, paced at udpBytesPerSecond so the
// receiver's buffer is not overrun by a burst. UDP does not guarantee
// delivery, and the completion message says so.
class FileSender : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileSender)

public:
    enum class Outcome
    {
        Completed,
        Cancelled, // cancel(): bytes already handed to the socket still go out
        Failed,    // the message says why (file error, peer gone, send error)
    };
    Q_ENUM(Outcome)

    struct Options
    {
        int chunkSize = 64 * 1024;          // TCP: bytes per write
        qint64 highWaterBytes = 256 * 1024; // TCP: write only below this many pending bytes
        int datagramSize = 1024;            // UDP: payload per datagram, 1..65507
        qint64 udpBytesPerSecond = 1 << 20; // UDP pacing; 0: one burst per tick, no rate
    };

    explicit FileSender(Session *session, QObject *parent = nullptr);
    ~FileSender() override;

    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    // Starts sending filePath to peerId. peerId 0 means the default target:
    // the server for a TCP client, the only client of a TCP server (with several,
    // one must be chosen), the remote (or last sender) of a UDP session.
    // Returns false with errorString() when it cannot start (unreadable, empty
    // or not a regular file, no peer, bad options); then finished() is not emitted.
    bool start(const QString &filePath, quint32 peerId = 0);
    // Stops reading the file and emits finished(Cancelled) at once.
    void cancel();

    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }
    QString fileName() const { return m_file.fileName(); }
    quint32 peer() const { return m_peer; }
    qint64 totalBytes() const { return m_total; }
    qint64 bytesQueued() const { return m_queued; }   // read and handed to the session
    qint64 bytesWritten() const { return m_written; } // written to the kernel (progress)
    qint64 datagramsSent() const { return m_datagrams; }

    // "UDP does not guarantee delivery..." — for the UI to show before a UDP send.
    static QString udpDeliveryNotice();

signals:
    void progress(qint64 bytesWritten, qint64 totalBytes);
    void finished(sockscope::FileSender::Outcome outcome, const QString &message);

private:
    bool refuse(const QString &error);
    // start()'s steps; each returns false through refuse() when the transfer
    // cannot start.
    bool checkUdpTarget(quint32 *peerId);   // options, socket, peer (0: the default target)
    bool checkTcpTarget(quint32 *peerId);   // options, peer (0: the only connected one)
    bool openFile(const QString &filePath); // a regular, non-empty file; sets m_total
    void pumpTcp();
    void pumpUdp();
    void checkTcpDone();
    void onBytesWritten(quint32 id, qint64 bytes);
    void onPeerClosed(quint32 id);
    void onSessionState();
    // Next piece of the file; empty with *error on failure.
    QByteArray readPiece(qint64 size, QString *error);
    void finish(Outcome outcome, const QString &message);
    QString peerName() const;
    bool isUdp() const;

    QPointer<Session> m_session;
    Options m_options;
    QFile m_file;
    quint32 m_peer = 0;
    bool m_running = false;
    qint64 m_total = 0;
    qint64 m_queued = 0;
    qint64 m_written = 0;
    qint64 m_datagrams = 0;
    QString m_error;
    PaceState m_pace; // UDP: its timer ticks the pump; TCP: its guard only
};

} // namespace sockscope
