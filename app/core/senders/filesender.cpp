#include "core/senders/filesender.h"

#include "core/session/session.h"
#include "core/net/udplimits.h"

#include <QDir>
#include <QFileInfo>
#include <QScopedValueRollback>

namespace sockscope {

namespace {

// UDP pacing tick; each tick sends what the rate allows since the start.
constexpr int kPaceTickMs = 5;
// At most this much per tick, so a stalled loop never turns into a flood.
constexpr qint64 kMaxBurstBytes = 64 * 1024;

QString displayPath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

FileSender::FileSender(Session *session, QObject *parent) : QObject(parent), m_session(session)
{
    m_pace.timer.setInterval(kPaceTickMs);
    connect(&m_pace.timer, &QTimer::timeout, this, &FileSender::pumpUdp);
    if (session) {
        connect(session, &Session::peerBytesWritten, this, &FileSender::onBytesWritten);
        connect(session, &Session::peerClosed, this, &FileSender::onPeerClosed);
        connect(session, &Session::stateChanged, this, &FileSender::onSessionState);
        connect(session, &QObject::destroyed, this, [this] {
            if (m_running)
                finish(Outcome::Failed, tr("The session was closed during the transfer."));
        });
    }
}

FileSender::~FileSender() = default;

QString FileSender::udpDeliveryNotice()
{
    return tr("UDP does not guarantee delivery: datagrams may be lost, duplicated or "
              "reordered without notice, so the receiver may not have all of the file.");
}

bool FileSender::refuse(const QString &error)
{
    m_error = error;
    if (m_file.isOpen())
        m_file.close();
    return false;
}

bool FileSender::isUdp() const
{
    return m_session && m_session->mode() == Session::Mode::Udp;
}

bool FileSender::checkUdpTarget(quint32 *peerId)
{
    if (m_options.datagramSize < 1 || m_options.datagramSize > MaxDatagramIPv4)
        return refuse(tr("The datagram size must be between 1 and %1 bytes.").arg(MaxDatagramIPv4));
    if (m_options.udpBytesPerSecond < 0)
        return refuse(tr("The send rate cannot be negative."));
    if (m_session->state() != Session::State::Active)
        return refuse(tr("The UDP socket is not open."));
    if (*peerId == 0) {
        // Fixed now: re-picked per datagram, a file would split between senders
        // whenever someone else sent to us with reply-to-last on.
        QString error;
        *peerId = m_session->defaultSendTargets(&error).value(0);
        if (*peerId == 0)
            return refuse(error);
    }
    const PeerInfo *p = m_session->peer(*peerId);
    if (!p || !p->isOpen())
        return refuse(tr("That peer is not known any more."));
    return true;
}

bool FileSender::checkTcpTarget(quint32 *peerId)
{
    if (m_options.chunkSize < 1 || m_options.highWaterBytes < 1)
        return refuse(tr("The chunk size and the high-water mark must be positive."));
    if (*peerId == 0) {
        QList<quint32> open;
        for (quint32 id : m_session->peerIds()) {
            const PeerInfo *p = m_session->peer(id);
            if (p && p->isOpen())
                open.append(id);
        }
        if (open.isEmpty())
            return refuse(m_session->mode() == Session::Mode::TcpClient
                              ? tr("Not connected.")
                              : tr("No client is connected."));
        if (open.size() > 1)
            return refuse(tr("%n clients are connected: choose the one to send the file to.",
                             nullptr, int(open.size())));
        *peerId = open.constFirst();
    }
    const PeerInfo *p = m_session->peer(*peerId);
    if (!p || !p->isOpen())
        return refuse(tr("That peer is not connected."));
    return true;
}

bool FileSender::openFile(const QString &filePath)
{
    const QString shown = displayPath(filePath);
    const QFileInfo info(filePath);
    if (filePath.isEmpty())
        return refuse(tr("No file was chosen."));
    if (!info.exists())
        return refuse(tr("Cannot read %1: the file does not exist.").arg(shown));
    if (info.isDir())
        return refuse(tr("Cannot send %1: it is a folder, not a file.").arg(shown));
    // Before opening: a FIFO without a writer blocks open() (and the event loop) until one
    // comes; devices and sockets never end or cannot be read as a file.
    if (!info.isFile())
        return refuse(tr("Cannot send %1: it is not a regular file.").arg(shown));
    m_file.setFileName(filePath);
    if (!m_file.open(QIODevice::ReadOnly))
        return refuse(tr("Cannot read %1: %2").arg(shown, m_file.errorString()));
    if (m_file.isSequential()) // replaced by a special file since the check
        return refuse(tr("Cannot send %1: it is not a regular file.").arg(shown));
    m_total = m_file.size();
    if (m_total == 0)
        return refuse(tr("%1 is empty: there is nothing to send.").arg(shown));
    return true;
}

bool FileSender::start(const QString &filePath, quint32 peerId)
{
    m_error.clear();
    if (m_running)
        return refuse(tr("A file is already being sent."));
    if (!m_session)
        return refuse(tr("There is no session to send through."));
    if (!(isUdp() ? checkUdpTarget(&peerId) : checkTcpTarget(&peerId)))
        return false;
    if (!openFile(filePath))
        return false;

    m_peer = peerId;
    m_queued = 0;
    m_written = 0;
    m_datagrams = 0;
    m_running = true;
    m_pace.startRun();
    // The first write happens from the event loop: start() never emits.
    if (isUdp()) {
        m_pace.timer.start();
    } else {
        QTimer::singleShot(0, this, &FileSender::pumpTcp);
    }
    return true;
}

void FileSender::cancel()
{
    if (!m_running)
        return;
    finish(Outcome::Cancelled, tr("Cancelled after %1 of %2 bytes.").arg(m_written).arg(m_total));
}

void FileSender::finish(Outcome outcome, const QString &message)
{
    m_running = false;
    m_pace.timer.stop();
    m_file.close();
    emit finished(outcome, message);
}

QString FileSender::peerName() const
{
    const PeerInfo *p = m_session && m_peer ? m_session->peer(m_peer) : nullptr;
    return p ? p->endpoint() : tr("the peer");
}

QByteArray FileSender::readPiece(qint64 size, QString *error)
{
    QByteArray piece = m_file.read(size);
    if (piece.isEmpty()) {
        *error = m_file.error() != QFileDevice::NoError
                     ? tr("Reading %1 failed after %2 bytes: %3")
                           .arg(displayPath(m_file.fileName()))
                           .arg(m_queued)
                           .arg(m_file.errorString())
                     : tr("%1 ended after %2 bytes; it had %3 bytes when the transfer began.")
                           .arg(displayPath(m_file.fileName()))
                           .arg(m_queued)
                           .arg(m_total);
    }
    return piece;
}

void FileSender::pumpTcp()
{
    // Session::send() can re-enter through signals; one pump at a time.
    if (!m_running || m_pace.sending || !m_session)
        return;
    QScopedValueRollback<bool> guard(m_pace.sending, true);
    while (m_running && m_queued < m_total &&
           m_session->pendingWriteBytes(m_peer) < m_options.highWaterBytes) {
        QString error;
        const QByteArray chunk =
            readPiece(qMin<qint64>(m_options.chunkSize, m_total - m_queued), &error);
        if (chunk.isEmpty()) {
            finish(Outcome::Failed, error);
            return;
        }
        const Session::SendResult r = m_session->send(chunk, {m_peer});
        if (!r.ok() || r.peers == 0) {
            finish(Outcome::Failed, tr("Sending to %1 failed after %2 of %3 bytes: %4")
                                        .arg(peerName())
                                        .arg(m_written)
                                        .arg(m_total)
                                        .arg(r.error));
            return;
        }
        m_queued += chunk.size();
    }
    checkTcpDone();
}

void FileSender::checkTcpDone()
{
    if (!m_running || m_queued < m_total || m_session->pendingWriteBytes(m_peer) > 0)
        return;
    if (m_written != m_total) {
        m_written = m_total;
        emit progress(m_written, m_total);
    }
    finish(Outcome::Completed, tr("Sent %1 (%2 bytes) to %3.")
                                   .arg(QFileInfo(m_file.fileName()).fileName())
                                   .arg(m_total)
                                   .arg(peerName()));
}

void FileSender::pumpUdp()
{
    if (!m_running || m_pace.sending || !m_session)
        return;
    QScopedValueRollback<bool> guard(m_pace.sending, true);
    // Allowed bytes come from the start time, not per tick, so timer jitter does
    // not lower the rate; the burst cap keeps a late tick from flooding.
    // Any positive budget sends a whole datagram: the overshoot is below one datagram.
    qint64 budget = kMaxBurstBytes;
    if (m_options.udpBytesPerSecond > 0) {
        const qint64 due = m_options.udpBytesPerSecond * m_pace.elapsedMs() / 1000;
        budget = qMin(budget, due - m_queued);
    }
    const qint64 before = m_queued;
    while (m_running && m_queued < m_total && m_queued - before < budget) {
        QString error;
        const QByteArray datagram =
            readPiece(qMin<qint64>(m_options.datagramSize, m_total - m_queued), &error);
        if (datagram.isEmpty()) {
            finish(Outcome::Failed, error);
            return;
        }
        const Session::SendResult r = m_session->send(datagram, {m_peer});
        if (!r.ok() || r.peers == 0) {
            finish(Outcome::Failed, tr("Sending datagram %1 failed after %2 of %3 bytes: %4")
                                        .arg(m_datagrams + 1)
                                        .arg(m_queued)
                                        .arg(m_total)
                                        .arg(r.error));
            return;
        }
        ++m_datagrams;
        m_queued += datagram.size();
    }
    if (!m_running)
        return;
    if (m_queued != before) {
        // A datagram is written to the kernel as it is sent.
        m_written = m_queued;
        emit progress(m_written, m_total);
    }
    if (m_running && m_queued == m_total)
        finish(Outcome::Completed,
               tr("Sent %1 (%2 bytes) as %n datagram(s).", nullptr, int(m_datagrams))
                       .arg(QFileInfo(m_file.fileName()).fileName())
                       .arg(m_total) +
                   QLatin1Char(' ') + udpDeliveryNotice());
}

void FileSender::onBytesWritten(quint32 id, qint64 bytes)
{
    if (!m_running || isUdp() || id != m_peer)
        return;
    // The peer may also carry other messages; never count past what we handed over.
    m_written = qMin(m_written + bytes, m_queued);
    emit progress(m_written, m_total);
    if (!m_running) // a slot cancelled
        return;
    pumpTcp();
}

void FileSender::onPeerClosed(quint32 id)
{
    if (!m_running)
        return;
    if (id == m_peer) {
        const PeerInfo *p = m_session->peer(id);
        const QString why = p && !p->closeText.isEmpty() ? p->closeText : tr("disconnected");
        finish(Outcome::Failed, tr("%1 went away after %2 of %3 bytes (%4).")
                                    .arg(peerName())
                                    .arg(m_written)
                                    .arg(m_total)
                                    .arg(why));
    }
}

void FileSender::onSessionState()
{
    if (m_running && isUdp() && m_session->state() != Session::State::Active)
        finish(Outcome::Failed,
               tr("The UDP socket was closed after %1 of %2 bytes.").arg(m_written).arg(m_total));
}

} // namespace sockscope
