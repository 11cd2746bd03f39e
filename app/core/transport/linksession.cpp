#include "core/transport/linksession.h"

#include "core/link/link.h"
#include "core/link/socketerrors.h"
#include "core/link/tcplink.h"
#include "core/link/tcplistener.h"
#include "core/link/tlshandshake.h"
#include "core/link/tlslink.h"
#include "core/net/endpoint.h"
#include "core/tls/certificateinfo.h"
#include "core/tls/tlserrortext.h"

#include <QPointer>

#include <algorithm>

namespace sockscope {

LinkSession::LinkSession(Mode mode, QObject *parent) : Session(mode, parent) {}

LinkSession::~LinkSession()
{
    // Links are children and outlive this body: no signal of theirs may reach a
    // half-destroyed session.
    for (Link *link : std::as_const(m_links))
        link->disconnect(this);
}

quint32 LinkSession::attach(Link *link, PeerInfo::Side side, quint32 partner)
{
    link->setParent(this);
    link->setMaxBlockBytes(hasAutoReplier() ? ReplyReadChunk : 0);
    link->setReadHeld(m_readingHeld);
    const quint32 id = openPeer(unmappedAddress(link->peerAddress()), link->peerPort(), side,
                                partner, link->tlsInfo());
    m_links.insert(id, link);
    if (!link->tlsInfo().active)
        m_firstBlockPending.insert(id);
    connect(link, &Link::received, this, [this, id](const QByteArray &block) {
        if (m_firstBlockPending.remove(id))
            checkFirstBlock(id, block);
        linkReceived(id, block);
    });
    connect(link, &Link::bytesWritten, this,
            [this, id](qint64 bytes) { noteWritten(id, bytes); });
    connect(link, &Link::closed, this,
            [this, id, link](CloseReason reason, const QString &text, qint64) {
                onClosed(id, link, reason, text);
            });
    return id;
}

void LinkSession::onClosed(quint32 id, Link *link, CloseReason reason, const QString &text)
{
    // Gone from the table first: whoever hears peerClosed can no longer send to it.
    m_links.remove(id);
    m_firstBlockPending.remove(id);
    link->disconnect(this);
    link->deleteLater();
    const auto as = m_closeAs.constFind(id);
    if (as != m_closeAs.constEnd() && reason == CloseReason::LocalClose) {
        const CloseAs why = as.value();
        m_closeAs.erase(as);
        closePeer(id, why.reason, why.text);
        linkClosed(id, why.reason);
        return;
    }
    m_closeAs.remove(id);
    closePeer(id, reason, text);
    linkClosed(id, reason);
}

void LinkSession::linkClosed(quint32, CloseReason) {}

void LinkSession::checkFirstBlock(quint32 id, const QByteArray &block)
{
    if (TlsErrorText::looksLikeClientHello(block))
        logEvent(id,
                 tr("The peer speaks TLS: its first bytes are a TLS ClientHello. Turn TLS on "
                    "here to read what it says."),
                 true);
}

void LinkSession::secure(TcpLink *plain, const TlsContext &context, const QString &host,
                         TlsDone done, TlsFailed failed)
{
    const QString peer =
        formatEndpoint(unmappedAddress(plain->peerAddress()).toString(), plain->peerPort());
    logEvent(0, tr("TLS handshake with %1…").arg(peer));
    TlsHandshake *handshake = TlsHandshake::start(plain, context, host, this);
    m_handshakes.insert(handshake);
    connect(handshake, &TlsHandshake::finished, this,
            [this, handshake, done](TlsLink *link) {
                m_handshakes.remove(handshake);
                handshake->deleteLater();
                done(link);
            });
    connect(handshake, &TlsHandshake::failed, this,
            [this, handshake, peer, failed](CloseReason reason, const QString &text,
                                            const TlsSessionInfo &refused) {
                m_handshakes.remove(handshake);
                handshake->deleteLater();
                const QString why = tr("TLS handshake with %1 failed: %2").arg(peer, text);
                if (failed)
                    failed(reason, why, refused); // says it in its own way
                else
                    logEvent(0, why, true);
            });
}

void LinkSession::cancelHandshakes()
{
    for (TlsHandshake *handshake : std::as_const(m_handshakes)) {
        handshake->disconnect(this);
        handshake->deleteLater(); // its socket goes with it, aborted
    }
    m_handshakes.clear();
}

void LinkSession::logTlsInfo(quint32 id)
{
    const PeerInfo *p = peer(id);
    if (!p || !p->tls.active)
        return;
    const TlsSessionInfo &tls = p->tls;
    QString text = tr("TLS handshake finished: %1, %2").arg(tls.protocol, tls.cipher);
    if (!tls.alpn.isEmpty())
        text += tr(", ALPN \"%1\"").arg(tls.alpn);
    const QSslCertificate certificate = tls.peerCertificate();
    if (!certificate.isNull()) {
        const CertificateInfo info(certificate);
        text += tr("; peer certificate %1 (SHA-256 %2)").arg(info.subject(), info.sha256Fingerprint());
    }
    logEvent(id, text);
    for (const QString &error : tls.verifyErrors)
        logEvent(id, tr("Accepted despite a failed verification (insecure): %1").arg(error), true);
}

bool LinkSession::makeTlsContext(const TlsSettings &settings, TlsContext::Role role,
                                 TlsContext *context)
{
    QString error;
    *context = TlsContext::make(settings, role, &error);
    if (context->isNull()) {
        fail(tr("TLS cannot start: %1").arg(error));
        return false;
    }
    const QSslCertificate certificate = context->localCertificate();
    if (!certificate.isNull()) {
        const CertificateInfo info(certificate);
        logEvent(0, context->isGenerated()
                        ? tr("TLS certificate generated for this run: %1, SHA-256 %2")
                              .arg(info.subject(), info.sha256Fingerprint())
                        : tr("TLS certificate: %1, SHA-256 %2")
                              .arg(info.subject(), info.sha256Fingerprint()));
    }
    return true;
}

void LinkSession::linkReceived(quint32 id, const QByteArray &block)
{
    ingestStream(id, block);
}

void LinkSession::closeLink(quint32 id, CloseReason reason, const QString &text)
{
    Link *l = m_links.value(id);
    if (!l || l->state() != Link::State::Open)
        return;
    m_closeAs.insert(id, {reason, text});
    l->close();
}

void LinkSession::abortLink(quint32 id, CloseReason reason, const QString &text)
{
    Link *l = m_links.value(id);
    if (!l || l->state() == Link::State::Closed)
        return;
    m_closeAs.insert(id, {reason, text});
    l->abort();
}

Link *LinkSession::link(quint32 id) const
{
    return m_links.value(id);
}

QList<quint32> LinkSession::linkedPeers() const
{
    QList<quint32> ids = m_links.keys();
    std::sort(ids.begin(), ids.end()); // ids grow with each peer: oldest first
    return ids;
}

void LinkSession::closeAll()
{
    // A link with nothing queued closes (and leaves m_links) from inside close().
    QList<QPointer<Link>> links;
    links.reserve(m_links.size());
    for (Link *link : std::as_const(m_links))
        links.append(link);
    for (const QPointer<Link> &link : std::as_const(links)) {
        if (link)
            link->close();
    }
}

void LinkSession::watchListener(TcpListener *listener)
{
    connect(listener, &TcpListener::refused, this,
            [this](const QHostAddress &address, quint16 port) {
                logEvent(0,
                         tr("Refused %1: too many open files. New clients are accepted again "
                            "once others disconnect.")
                             .arg(formatEndpoint(address.toString(), port)),
                         true);
            });
    connect(listener, &TcpListener::acceptFailed, this, [this](const QString &why) {
        logEvent(0, tr("Could not accept a connection: %1").arg(why), true);
    });
}

bool LinkSession::listenOn(TcpListener *listener, const QHostAddress &address, quint16 port,
                           int backlog)
{
    if (listener->listen(address, port, backlog))
        return true;
    const QAbstractSocket::SocketError error = listener->serverError();
    if (error == QAbstractSocket::AddressInUseError)
        failPortInUse(false, port, address);
    else
        fail(tr("Cannot listen on %1: %2")
                 .arg(formatEndpoint(address.toString(), port),
                      socketErrorText(error, address.toString(), port)));
    return false;
}

bool LinkSession::roomFor(Link *link, int maxClients)
{
    // Clients mid-handshake count too: a storm of silent TLS connections cannot pile up.
    if (openPeerCount() + pendingHandshakes() < maxClients)
        return true;
    logEvent(0,
             tr("Refused %1: the limit of %n client(s) is reached.", nullptr, maxClients)
                 .arg(formatEndpoint(unmappedAddress(link->peerAddress()).toString(),
                                     link->peerPort())),
             true);
    delete link;
    return false;
}

void LinkSession::stopListeningAndCloseAll(TcpListener *listener)
{
    const bool wasListening = listener->isListening();
    listener->close();
    closeAll();
    if (wasListening)
        logEvent(0, tr("Stopped listening."));
    setState(State::Idle, tr("Stopped"));
    flushRecords();
}

qint64 LinkSession::pendingWriteBytes(quint32 peerId) const
{
    const Link *l = m_links.value(peerId);
    return l ? l->queuedBytes() : 0;
}

void LinkSession::disconnectPeer(quint32 peerId)
{
    if (Link *l = m_links.value(peerId))
        l->close();
}

Session::Delivery LinkSession::sendBytes(quint32 id, const QByteArray &bytes, QString *)
{
    Link *l = m_links.value(id);
    return l && l->write(bytes) ? Delivery::Queued : Delivery::Gone;
}

bool LinkSession::isStreamPeer(quint32 id) const
{
    return m_links.contains(id);
}

void LinkSession::setPeerReading(quint32 id, bool on)
{
    if (Link *l = m_links.value(id))
        l->setReadPaused(!on);
}

void LinkSession::holdReading(bool held)
{
    m_readingHeld = held;
    for (Link *link : std::as_const(m_links))
        link->setReadHeld(held);
}

void LinkSession::autoReplierChanged()
{
    const qint64 block = hasAutoReplier() ? ReplyReadChunk : 0;
    for (Link *link : std::as_const(m_links))
        link->setMaxBlockBytes(block);
}

} // namespace sockscope
