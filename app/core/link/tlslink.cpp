#include "core/link/tlslink.h"

#include "core/tls/tlserrortext.h"

#include <QPointer>

#include <limits>
#include <QSslSocket>
#include <QTimer>

namespace sockscope {

TlsLink::TlsLink(QSslSocket *encrypted, const TlsSessionInfo &info, QObject *parent)
    : Link(parent),
      m_socket(encrypted),
      m_info(info),
      m_stallTimer(new QTimer(this)),
      m_peerAddress(encrypted->peerAddress()),
      m_localAddress(encrypted->localAddress()),
      m_peerPort(encrypted->peerPort()),
      m_localPort(encrypted->localPort())
{
    m_socket->disconnect();
    m_socket->setParent(this);
    m_socket->setReadBufferSize(ReadBufferBytes);
    m_stallTimer->setSingleShot(true);
    connect(m_stallTimer, &QTimer::timeout, this, &TlsLink::checkStall);
    // Qt emits readyRead() for every 4 KiB it decrypts, from inside its decryption loop:
    // reading at once would hand over 4 KiB blocks. Reading on the next turn of the loop takes
    // all it decrypted in one block.
    connect(m_socket, &QIODevice::readyRead, this, &TlsLink::scheduleDeliver);
    connect(m_socket, &QIODevice::bytesWritten, this, &TlsLink::onEncrypted);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &TlsLink::onEncryptedWritten);
    connect(m_socket, &QAbstractSocket::disconnected, this, &TlsLink::onDisconnected);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &TlsLink::onError);
    // Application data may have come in with the handshake's last flight.
    scheduleDeliver();
}

TlsLink::~TlsLink()
{
    m_socket->disconnect(this);
}

bool TlsLink::write(const QByteArray &bytes)
{
    if (state() != State::Open)
        return false;
    if (bytes.isEmpty())
        return true;
    m_socket->write(bytes);
    noteQueueGrew();
    return true;
}

qint64 TlsLink::queuedBytes() const
{
    return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
}

void TlsLink::setReadPaused(bool paused)
{
    m_readPaused = paused;
    if (!readBlocked())
        scheduleDeliver();
}

void TlsLink::setReadHeld(bool held)
{
    m_readHeld = held;
    if (!readBlocked())
        scheduleDeliver();
}

void TlsLink::scheduleDeliver()
{
    if (m_deliverQueued)
        return;
    m_deliverQueued = true;
    QMetaObject::invokeMethod(this, &TlsLink::deliver, Qt::QueuedConnection);
}

void TlsLink::deliver()
{
    m_deliverQueued = false;
    if (state() != State::Open)
        return;
    QPointer<TlsLink> self(this);
    const qint64 blockCap = maxBlockBytes() > 0 ? qMin(maxBlockBytes(), ReadCapBytes) : ReadCapBytes;
    // Once the peer is gone, what Qt decrypted (a few MiB at most) is handed over at once: the
    // peer already saw our close, and a stop right after must not cut it off.
    const qint64 turnCap = m_peerGone ? std::numeric_limits<qint64>::max() : ReadCapBytes;
    qint64 total = 0;
    while (!readBlocked() && total < turnCap && m_socket->bytesAvailable() > 0) {
        const QByteArray block = m_socket->read(qMin(m_socket->bytesAvailable(), blockCap));
        if (block.isEmpty())
            break;
        total += block.size();
        emit received(block);
        if (!self || state() != State::Open)
            return;
    }
    if (readBlocked())
        return;
    if (m_socket->bytesAvailable() > 0)
        scheduleDeliver(); // the cap: let the loop turn
    else if (m_peerGone)
        finish(m_goneReason, m_goneText, queuedBytes());
}

// Qt's bytesWritten() means "encrypted and queued on the TCP socket": the session's echo
// back-pressure (and counters) want "in the kernel", so the report waits for the encrypted
// bytes queued up to then. Otherwise a session paused on a full queue was never told when
// the encrypted backlog drained, and stalled.
void TlsLink::onEncrypted(qint64 plainBytes)
{
    m_unflushed.push_back({plainBytes, m_encryptedWritten + m_socket->encryptedBytesToWrite()});
    reportFlushed();
}

void TlsLink::onEncryptedWritten(qint64 bytes)
{
    m_encryptedWritten += bytes;
    reportFlushed();
}

void TlsLink::reportFlushed()
{
    qint64 plain = 0;
    while (!m_unflushed.empty() && m_unflushed.front().encryptedMark <= m_encryptedWritten) {
        plain += m_unflushed.front().plainBytes;
        m_unflushed.pop_front();
    }
    QPointer<TlsLink> self(this);
    if (plain > 0)
        emit bytesWritten(plain);
    if (self)
        noteQueueShrank();
}

void TlsLink::onDisconnected()
{
    if (state() == State::Closing) {
        finish(CloseReason::LocalClose, tr("closed by you"), 0);
        return;
    }
    m_peerGone = true;
    m_goneReason = CloseReason::PeerClosed;
    m_goneText = tr("the peer closed the connection");
    // Every decrypted byte is handed over before the close: now, or once resumed. Qt has
    // closed the TCP socket already, so the peer may take our close as "all read" and a stop
    // could follow at once.
    if (m_socket->bytesAvailable() > 0)
        deliver();
    else
        finish(m_goneReason, m_goneText, 0);
}

void TlsLink::onError()
{
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError)
        return; // disconnected() follows
    if (state() == State::Closed)
        return;
    // An alert after the handshake (TLS 1.3 servers refuse a client certificate only now),
    // a broken record, a reset.
    const auto failure = TlsErrorText::classifyLibraryError(m_socket->errorString());
    const QString text = failure == TlsErrorText::HandshakeFailure::Other
                             ? m_socket->errorString()
                             : TlsErrorText::handshakeText(failure);
    const CloseReason reason =
        failure == TlsErrorText::HandshakeFailure::Other ? CloseReason::Error : CloseReason::TlsFailed;
    if (m_socket->bytesAvailable() > 0 && state() == State::Open) {
        m_peerGone = true;
        m_goneReason = reason;
        m_goneText = text;
        scheduleDeliver();
        return;
    }
    const qint64 unsent = queuedBytes();
    m_socket->disconnect(this); // abort() emits disconnected(): this close has its own words
    m_socket->abort();
    finish(reason, text, unsent);
}

void TlsLink::finishSending()
{
    // No half-close over QSslSocket: the graceful close is the nearest thing.
    close();
}

// The peer is gone and Qt holds bytes it already took from the kernel (a held or paused link
// could not take them yet): they were received, so they are handed over before any close.
bool TlsLink::handOverRest()
{
    if (!m_peerGone || state() != State::Open)
        return false;
    QPointer<TlsLink> self(this);
    while (m_socket->bytesAvailable() > 0) {
        const QByteArray block = m_socket->read(qMin(m_socket->bytesAvailable(), ReadCapBytes));
        if (block.isEmpty())
            break;
        emit received(block);
        if (!self || state() != State::Open)
            return true;
    }
    finish(m_goneReason, m_goneText, queuedBytes());
    return true;
}

void TlsLink::close(int stallMs)
{
    if (state() != State::Open || handOverRest())
        return;
    setState(State::Closing);
    m_stallMs = stallMs;
    m_pendingAtCheck = queuedBytes();
    if (m_pendingAtCheck > 0)
        m_stallTimer->start(m_stallMs);
    m_socket->disconnectFromHost(); // flushes, sends close_notify; disconnected() follows
    if (state() != State::Closed && m_socket->state() == QAbstractSocket::UnconnectedState)
        finish(CloseReason::LocalClose, tr("closed by you"), 0);
}

void TlsLink::checkStall()
{
    if (state() != State::Closing)
        return;
    const qint64 pending = queuedBytes();
    if (pending == 0)
        return;
    if (pending < m_pendingAtCheck) {
        m_pendingAtCheck = pending;
        m_stallTimer->start(m_stallMs);
        return;
    }
    m_socket->disconnect(this);
    m_socket->abort();
    finish(CloseReason::LocalClose,
           tr("closed by you; %n byte(s) queued for it were not sent", nullptr, int(pending)),
           pending);
}

void TlsLink::abort()
{
    if (state() == State::Closed || handOverRest())
        return;
    const qint64 unsent = queuedBytes();
    m_socket->disconnect(this);
    m_socket->abort();
    finish(CloseReason::LocalClose,
           unsent > 0 ? tr("closed by you; %n byte(s) queued for it were not sent", nullptr,
                           int(unsent))
                      : tr("closed by you"),
           unsent);
}

void TlsLink::finish(CloseReason reason, const QString &text, qint64 unsent)
{
    m_stallTimer->stop();
    m_socket->disconnect(this);
    noteClosed(reason, text, unsent);
}

} // namespace sockscope
