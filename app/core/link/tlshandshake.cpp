#include "core/link/tlshandshake.h"

#include "core/link/tcplink.h"
#include "core/link/tlslink.h"
#include "core/tls/hostnamecheck.h"
#include "core/tls/tlserrortext.h"

#include <QSocketNotifier>
#include <QSslCipher>
#include <QSslSocket>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace sockscope {

namespace {

using Failure = TlsErrorText::HandshakeFailure;

// Enough of a record header to tell TLS from text, and of text to show what it was.
constexpr int kPeekBytes = 24;

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    case QSsl::DtlsV1_2:
        return QStringLiteral("DTLSv1.2");
    default:
        return QStringLiteral("TLS");
    }
}

// The first bytes as a hex dump's text column shows them: printable ASCII as is, others '.'.
QString preview(const QByteArray &bytes)
{
    QString text;
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        text += u >= 0x20 && u < 0x7f ? QLatin1Char(c) : QLatin1Char('.');
    }
    return text;
}

} // namespace

TlsHandshake *TlsHandshake::start(TcpLink *plain, const TlsContext &context, const QString &host,
                                  QObject *parent)
{
    auto *handshake = new TlsHandshake(context, host, parent);
    handshake->m_peerAddress = plain->peerAddress();
    handshake->m_peerPort = plain->peerPort();
    const qintptr fd = plain->takeDescriptor();
    plain->deleteLater();
    if (fd < 0) {
        // Never from inside start(): the caller connects to the signals first.
        QMetaObject::invokeMethod(
            handshake,
            [handshake] {
                handshake->fail(CloseReason::Error,
                                tr("The connection had already carried bytes before TLS."));
            },
            Qt::QueuedConnection);
    } else {
        handshake->begin(fd);
    }
    return handshake;
}

TlsHandshake::TlsHandshake(const TlsContext &context, const QString &host, QObject *parent)
    : QObject(parent), m_context(context), m_host(host)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        QString text = TlsErrorText::handshakeText(Failure::TimedOut);
        if (m_peekNotifier)
            text += u' ' + tr("The peer sent nothing in %n second(s): it may be waiting for the "
                              "server to speak first, as plaintext protocols do.",
                              nullptr, m_context.settings().handshakeTimeoutMs / 1000);
        fail(CloseReason::TlsFailed, text);
    });
}

TlsHandshake::~TlsHandshake()
{
    if (m_socket)
        m_socket->disconnect(this);
    if (m_fd >= 0)
        ::close(int(m_fd));
}

QString TlsHandshake::peerName() const
{
    return m_context.peerName(m_host.isEmpty() ? m_peerAddress.toString() : m_host);
}

void TlsHandshake::begin(qintptr descriptor)
{
    m_fd = descriptor;
    if (m_context.settings().handshakeTimeoutMs > 0)
        m_timeout.start(m_context.settings().handshakeTimeoutMs);
    if (m_context.role() == TlsContext::Role::Client) {
        startTls();
        return;
    }
    m_peekNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_peekNotifier, &QSocketNotifier::activated, this, &TlsHandshake::onFirstBytes);
}

void TlsHandshake::onFirstBytes()
{
    char buffer[kPeekBytes];
    const ssize_t n = ::recv(int(m_fd), buffer, sizeof buffer, MSG_PEEK | MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    delete m_peekNotifier;
    m_peekNotifier = nullptr;
    if (n < 0) {
        fail(CloseReason::Reset, tr("The peer reset the connection before the TLS handshake."));
        return;
    }
    const QByteArray first(buffer, int(n));
    if (first.isEmpty()) {
        fail(CloseReason::TlsFailed, TlsErrorText::handshakeText(Failure::ClosedWithoutAnswer));
        return;
    }
    if (!TlsErrorText::looksLikeTls(first)) {
        fail(CloseReason::TlsFailed, TlsErrorText::handshakeText(Failure::NotTls) + u' ' +
                                         tr("It sent \"%1\".").arg(preview(first)));
        return;
    }
    startTls();
}

void TlsHandshake::startTls()
{
    m_socket = new QSslSocket(this);
    m_socket->setSslConfiguration(m_context.configuration());
    connect(m_socket, &QSslSocket::sslErrors, this, &TlsHandshake::onSslErrors);
    connect(m_socket, &QSslSocket::encrypted, this, &TlsHandshake::onEncrypted);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &TlsHandshake::onSocketError);
    if (!m_socket->setSocketDescriptor(m_fd)) {
        fail(CloseReason::Error, m_socket->errorString());
        return;
    }
    m_fd = -1; // the socket's now
    if (m_context.role() == TlsContext::Role::Client) {
        m_socket->setPeerVerifyName(peerName()); // also the SNI (Qt sends none for an address)
        m_socket->startClientEncryption();
    } else {
        m_socket->startServerEncryption();
    }
}

void TlsHandshake::onSslErrors(const QList<QSslError> &errors)
{
    QList<QSslError> all = errors;
    const QSslCertificate peer = m_socket->peerCertificate();
    const bool client = m_context.role() == TlsContext::Role::Client;
    const bool mismatchListed = std::any_of(all.cbegin(), all.cend(), [](const QSslError &e) {
        return e.error() == QSslError::HostNameMismatch;
    });
    if (client && !mismatchListed && !peer.isNull() && !certificateNamesHost(peer, peerName()))
        all << QSslError(QSslError::HostNameMismatch, peer);
    const bool onlyNoCertificate =
        std::all_of(all.cbegin(), all.cend(), [](const QSslError &e) {
            return e.error() == QSslError::NoPeerCertificate;
        });
    if (!client && onlyNoCertificate &&
        m_context.settings().clientCertificates == TlsSettings::ClientCertificates::Optional) {
        m_socket->ignoreSslErrors(); // optional: none is fine, a bad one is not
        return;
    }
    const QStringList words = TlsErrorText::describe(all, client ? peerName() : QString());
    if (client && m_context.isInsecure()) {
        m_acceptedErrors = words;
        m_socket->ignoreSslErrors();
        return;
    }
    m_refused.peerChain = m_socket->peerCertificateChain();
    m_refused.verifyErrors = words;
    m_noClientCertificate =
        !client && std::any_of(all.cbegin(), all.cend(), [](const QSslError &e) {
            return e.error() == QSslError::NoPeerCertificate;
        });
}

void TlsHandshake::onEncrypted()
{
    if (m_done)
        return;
    const bool client = m_context.role() == TlsContext::Role::Client;
    const QSslCertificate peer = m_socket->peerCertificate();
    // Qt 6.4's host check is looser than RFC 6125 (hostnamecheck.h): ours has the last word.
    if (client && !peer.isNull() && !certificateNamesHost(peer, peerName()) &&
        m_socket->sslConfiguration().peerVerifyMode() != QSslSocket::VerifyNone) {
        const QString words = TlsErrorText::describe(QSslError(QSslError::HostNameMismatch, peer),
                                                     peerName());
        if (!m_context.isInsecure()) {
            m_refused.peerChain = m_socket->peerCertificateChain();
            m_refused.verifyErrors = {words};
            fail(CloseReason::TlsFailed, tr("The server's certificate was not accepted: %1")
                                             .arg(words));
            return;
        }
        if (!m_acceptedErrors.contains(words))
            m_acceptedErrors << words;
    }
    m_done = true;
    m_timeout.stop();
    QSslSocket *socket = std::exchange(m_socket, nullptr);
    auto *link = new TlsLink(socket, sessionInfo(socket), this);
    emit finished(link);
}

TlsSessionInfo TlsHandshake::sessionInfo(QSslSocket *socket) const
{
    TlsSessionInfo info;
    info.active = true;
    info.protocol = protocolName(socket->sessionProtocol());
    info.cipher = socket->sessionCipher().name();
    info.alpn = QString::fromUtf8(socket->sslConfiguration().nextNegotiatedProtocol());
    info.peerChain = socket->peerCertificateChain();
    info.verifyErrors = m_acceptedErrors;
    return info;
}

void TlsHandshake::onSocketError()
{
    if (m_done)
        return;
    const bool client = m_context.role() == TlsContext::Role::Client;
    if (m_noClientCertificate) {
        fail(CloseReason::TlsFailed, noClientCertificateText());
        return;
    }
    if (!m_refused.verifyErrors.isEmpty()) {
        const QString text = client ? tr("The server's certificate was not accepted: %1")
                                    : tr("The client's certificate was not accepted: %1");
        fail(CloseReason::TlsFailed, text.arg(m_refused.verifyErrors.join(u' ')));
        return;
    }
    const QString library = m_socket->errorString();
    Failure failure = TlsErrorText::classifyLibraryError(library);
    if (failure == Failure::Other && m_socket->error() == QAbstractSocket::RemoteHostClosedError)
        failure = Failure::ClosedWithoutAnswer;
    QString text;
    if (!client && failure == Failure::PeerRequiresCertificate)
        text = noClientCertificateText();
    else if (failure == Failure::Other)
        text = TlsErrorText::handshakeText(failure) + QStringLiteral(" (%1)").arg(library);
    else
        text = TlsErrorText::handshakeText(failure);
    fail(CloseReason::TlsFailed, text);
}

QString TlsHandshake::noClientCertificateText()
{
    return tr("The client sent no certificate, and this server requires one.");
}

void TlsHandshake::fail(CloseReason reason, const QString &text)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    delete m_peekNotifier;
    m_peekNotifier = nullptr;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    if (m_fd >= 0) {
        ::close(int(m_fd));
        m_fd = -1;
    }
    emit failed(reason, text, m_refused);
}

} // namespace sockscope
