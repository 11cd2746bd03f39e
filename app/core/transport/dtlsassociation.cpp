#include "core/transport/dtlsassociation.h"

#include "core/tls/hostnamecheck.h"
#include "core/tls/tlserrortext.h"

#include <QSslCipher>
#include <QUdpSocket>

#include <algorithm>

namespace sockscope {

namespace {

using Failure = TlsErrorText::HandshakeFailure;

QSslSocket::SslMode modeFor(const TlsContext &context)
{
    return context.role() == TlsContext::Role::Client ? QSslSocket::SslClientMode
                                                       : QSslSocket::SslServerMode;
}

QString protocolName(QSsl::SslProtocol protocol)
{
    return protocol == QSsl::DtlsV1_2 ? QStringLiteral("DTLSv1.2") : QStringLiteral("DTLS");
}

} // namespace

DtlsAssociation::DtlsAssociation(QUdpSocket *socket, const TlsContext &context,
                                 const QHostAddress &address, quint16 port, const QString &host,
                                 QObject *parent)
    : QObject(parent),
      m_socket(socket),
      m_context(context),
      m_address(address),
      m_port(port),
      m_host(host),
      m_dtls(modeFor(context))
{
    // QDtls resends its flight when this fires; the overall limit is ours.
    connect(&m_dtls, &QDtls::handshakeTimeout, this, [this] {
        if (!m_done && !m_dtls.handleTimeout(m_socket))
            fail(CloseReason::TlsFailed, m_dtls.dtlsErrorString());
    });
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(CloseReason::TlsFailed, TlsErrorText::handshakeText(Failure::TimedOut));
    });
}

DtlsAssociation::~DtlsAssociation() = default;

QString DtlsAssociation::peerName() const
{
    return m_context.peerName(m_host.isEmpty() ? m_address.toString() : m_host);
}

bool DtlsAssociation::looksLikeDtls(const QByteArray &datagram)
{
    constexpr int kRecordHeader = 13;
    if (datagram.size() < kRecordHeader)
        return false;
    const auto type = static_cast<unsigned char>(datagram.at(0));
    return type >= 20 && type <= 25 && static_cast<unsigned char>(datagram.at(1)) == 0xfe;
}

bool DtlsAssociation::isClientHello(const QByteArray &datagram)
{
    constexpr char kHandshake = 22;
    constexpr char kClientHello = 1;
    constexpr int kRecordHeader = 13;
    return looksLikeDtls(datagram) && datagram.at(0) == kHandshake &&
           datagram.size() > kRecordHeader && datagram.at(kRecordHeader) == kClientHello;
}

void DtlsAssociation::begin(const QByteArray &verifiedHello)
{
    QSslConfiguration configuration = m_context.configuration();
    configuration.setProtocol(QSsl::DtlsV1_2OrLater);
    configuration.setAllowedNextProtocols({}); // Qt's DTLS does not negotiate ALPN
    const bool ok = m_dtls.setDtlsConfiguration(configuration) &&
                    m_dtls.setPeer(m_address, m_port, isClient() ? peerName() : QString());
    if (!ok) {
        fail(CloseReason::TlsFailed, m_dtls.dtlsErrorString());
        return;
    }
    if (m_context.settings().handshakeTimeoutMs > 0)
        m_timeout.start(m_context.settings().handshakeTimeoutMs);
    afterHandshakeStep(m_dtls.doHandshake(m_socket, verifiedHello));
}

void DtlsAssociation::handleDatagram(const QByteArray &datagram)
{
    if (m_done)
        return;
    if (m_established) {
        decrypt(datagram);
        return;
    }
    if (m_dtls.handshakeState() == QDtls::PeerVerificationFailed)
        return; // decided in onVerificationFailed(); nothing more to read
    afterHandshakeStep(m_dtls.doHandshake(m_socket, datagram));
}

void DtlsAssociation::afterHandshakeStep(bool ok)
{
    if (m_done)
        return;
    switch (m_dtls.handshakeState()) {
    case QDtls::PeerVerificationFailed:
        onVerificationFailed();
        return;
    case QDtls::HandshakeComplete:
        finishHandshake();
        return;
    default:
        break;
    }
    if (ok)
        return; // in progress: waiting for the peer's next flight
    const QString library = m_dtls.dtlsErrorString();
    const Failure failure = TlsErrorText::classifyLibraryError(library);
    QString text;
    if (!isClient() && failure == Failure::PeerRequiresCertificate)
        text = tr("The client sent no certificate, and this server requires one.");
    else if (failure == Failure::Other)
        text = TlsErrorText::handshakeText(failure) + QStringLiteral(" (%1)").arg(library);
    else
        text = TlsErrorText::handshakeText(failure);
    fail(CloseReason::TlsFailed, text);
}

QList<QSslCertificate> DtlsAssociation::peerChain() const
{
    const QSslConfiguration c = m_dtls.dtlsConfiguration();
    QList<QSslCertificate> chain = c.peerCertificateChain();
    if (chain.isEmpty() && !c.peerCertificate().isNull())
        chain << c.peerCertificate();
    return chain;
}

QStringList DtlsAssociation::verificationWords(QList<QSslError> errors) const
{
    const bool client = isClient();
    const QList<QSslCertificate> chain = peerChain();
    const bool mismatchListed = std::any_of(errors.cbegin(), errors.cend(), [](const QSslError &e) {
        return e.error() == QSslError::HostNameMismatch;
    });
    // Qt 6.4's host check is looser than RFC 6125 (hostnamecheck.h): ours is added.
    if (client && !mismatchListed && !chain.isEmpty() &&
        !certificateNamesHost(chain.first(), peerName()))
        errors << QSslError(QSslError::HostNameMismatch, chain.first());
    return TlsErrorText::describe(errors, client ? peerName() : QString());
}

void DtlsAssociation::onVerificationFailed()
{
    const QList<QSslError> errors = m_dtls.peerVerificationErrors();
    const QStringList words = verificationWords(errors);
    if (isClient() && m_context.isInsecure()) {
        m_acceptedErrors = words;
        m_dtls.ignoreVerificationErrors(errors);
        afterHandshakeStep(m_dtls.resumeHandshake(m_socket));
        return;
    }
    m_refused.peerChain = peerChain();
    m_refused.verifyErrors = words;
    if (isClient()) {
        m_dtls.abortHandshake(m_socket);
    } else {
        // Qt checks a client's certificate only after OpenSSL finished the handshake, so the
        // client already believes it is connected: our close_notify is the only word it gets.
        m_dtls.ignoreVerificationErrors(errors);
        if (m_dtls.resumeHandshake(m_socket) && m_dtls.isConnectionEncrypted())
            m_dtls.shutdown(m_socket);
    }
    const QString text = isClient() ? tr("The server's certificate was not accepted: %1")
                                    : tr("The client's certificate was not accepted: %1");
    fail(CloseReason::TlsFailed, text.arg(words.join(u' ')));
}

void DtlsAssociation::finishHandshake()
{
    const QList<QSslCertificate> chain = peerChain();
    const bool verifying = m_dtls.dtlsConfiguration().peerVerifyMode() != QSslSocket::VerifyNone;
    // Qt's verification passed; our RFC 6125 host check has the last word.
    if (isClient() && verifying && !chain.isEmpty() &&
        !certificateNamesHost(chain.first(), peerName())) {
        const QString words = TlsErrorText::describe(
            QSslError(QSslError::HostNameMismatch, chain.first()), peerName());
        if (!m_context.isInsecure()) {
            m_refused.peerChain = chain;
            m_refused.verifyErrors = {words};
            m_dtls.shutdown(m_socket);
            fail(CloseReason::TlsFailed,
                 tr("The server's certificate was not accepted: %1").arg(words));
            return;
        }
        if (!m_acceptedErrors.contains(words))
            m_acceptedErrors << words;
    }
    m_timeout.stop();
    m_established = true;
    emit established();
}

TlsSessionInfo DtlsAssociation::sessionInfo() const
{
    TlsSessionInfo info;
    info.active = m_established;
    if (!m_established)
        return info;
    info.protocol = protocolName(m_dtls.sessionProtocol());
    info.cipher = m_dtls.sessionCipher().name();
    info.peerChain = peerChain();
    info.verifyErrors = m_acceptedErrors;
    return info;
}

void DtlsAssociation::decrypt(const QByteArray &datagram)
{
    const QByteArray plain = m_dtls.decryptDatagram(m_socket, datagram);
    if (!plain.isEmpty()) {
        emit received(plain);
        return;
    }
    switch (m_dtls.dtlsError()) {
    case QDtlsError::NoError:
        return; // a resent handshake message, or an empty record
    case QDtlsError::RemoteClosedConnectionError:
        m_done = true;
        emit closedByPeer();
        return;
    default:
        emit ignored(looksLikeDtls(datagram)
                         ? tr("A DTLS record that did not decrypt was ignored (%1).")
                               .arg(m_dtls.dtlsErrorString())
                         : tr("A datagram that is not DTLS was ignored (%n byte(s)).", nullptr,
                              int(datagram.size())));
    }
}

bool DtlsAssociation::write(const QByteArray &bytes, QString *error)
{
    if (!m_established || m_done) {
        *error = tr("The DTLS handshake has not finished.");
        return false;
    }
    if (bytes.size() > MaxPlaintext) {
        *error = tr("A DTLS datagram carries at most %1 bytes; this message has %2 bytes. "
                    "Split it.")
                     .arg(MaxPlaintext)
                     .arg(bytes.size());
        return false;
    }
    if (m_dtls.writeDatagramEncrypted(m_socket, bytes) < 0) {
        *error = m_dtls.dtlsErrorString();
        return false;
    }
    return true;
}

void DtlsAssociation::shutdown()
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    if (m_established)
        m_dtls.shutdown(m_socket);
    else if (m_dtls.handshakeState() == QDtls::HandshakeInProgress ||
             m_dtls.handshakeState() == QDtls::PeerVerificationFailed)
        m_dtls.abortHandshake(m_socket);
}

void DtlsAssociation::fail(CloseReason reason, const QString &text)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    if (m_dtls.handshakeState() == QDtls::HandshakeInProgress)
        m_dtls.abortHandshake(m_socket);
    emit failed(reason, text, m_refused);
}

} // namespace sockscope
