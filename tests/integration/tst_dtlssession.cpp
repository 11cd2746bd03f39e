// DtlsSession on 127.0.0.1: our DTLS client against our DTLS server (handshake, datagrams both
// ways, PeerInfo::tls), verification (self-signed, host names, insecure), mutual DTLS, a
// plaintext datagram on a DTLS port, close_notify both ways, handshake timeout, the peer limit.
// openssl as the foreign peer is in tst_dtlscli.
#include "core/tls/privatekeyfile.h"
#include "core/tls/throwawaycertificate.h"
#include "core/tls/tlserrortext.h"
#include "core/transport/dtlssession.h"
#include "core/transport/sessionfactory.h"

#include "recordlog.h"

#include <QFile>
#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace sockscope;
using sockscope::test::RecordLog;

namespace {

struct CertFiles
{
    ThrowawayCertificate cert;
    QString certPath;
    QString keyPath;
};

bool writeCert(const QTemporaryDir &dir, const QString &name,
               const ThrowawayCertificate::Options &options, CertFiles *out)
{
    out->cert = ThrowawayCertificate::generate(options);
    out->certPath = dir.filePath(name + QStringLiteral("-cert.pem"));
    out->keyPath = dir.filePath(name + QStringLiteral("-key.pem"));
    QFile file(out->certPath);
    return !out->cert.isNull() && file.open(QIODevice::WriteOnly) &&
           file.write(out->cert.certificatePem()) == out->cert.certificatePem().size() &&
           writePrivateKeyFile(out->keyPath, out->cert.privateKeyPem(), nullptr);
}

// The first open peer's id, 0 if none.
quint32 openPeer(const Session &session)
{
    for (quint32 id : session.peerIds()) {
        if (session.peer(id)->isOpen())
            return id;
    }
    return 0;
}

} // namespace

class tst_DtlsSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void factoryPicksDtls();
    void exchangeBothWays();
    void verification_data();
    void verification();
    void mutual_data();
    void mutual();
    void plaintextDatagramIgnored();
    void closeNotifyBothWays();
    void handshakeTimesOut();
    void clientWithoutTargetRefused();
    void peerLimit();
    void clientRestartsFromSamePort();
    void oversizedDatagramRefused();

private:
    // A DTLS server on 127.0.0.1 (any port) with the given certificate; started and Active.
    std::unique_ptr<DtlsSession> startServer(const CertFiles &cert, TlsSettings tls = {});
    std::unique_ptr<DtlsSession> startClient(quint16 port, TlsSettings tls);

    QTemporaryDir m_dir;
    CertFiles m_server;
    CertFiles m_otherName;
    CertFiles m_client;
};

void tst_DtlsSession::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(writeCert(m_dir, QStringLiteral("server"), {}, &m_server));
    ThrowawayCertificate::Options other;
    other.commonName = QStringLiteral("other.example");
    other.dnsNames = {QStringLiteral("other.example")};
    other.addresses = {};
    QVERIFY(writeCert(m_dir, QStringLiteral("other"), other, &m_otherName));
    ThrowawayCertificate::Options client;
    client.commonName = QStringLiteral("device-7");
    client.dnsNames = {QStringLiteral("device-7")};
    client.addresses = {};
    QVERIFY(writeCert(m_dir, QStringLiteral("client"), client, &m_client));
}

std::unique_ptr<DtlsSession> tst_DtlsSession::startServer(const CertFiles &cert, TlsSettings tls)
{
    tls.enabled = true;
    tls.certFile = cert.certPath;
    tls.keyFile = cert.keyPath;
    auto server = std::make_unique<DtlsSession>();
    DtlsSession::Options o;
    o.bindAddress = QHostAddress::LocalHost;
    o.tls = tls;
    server->setOptions(o);
    server->setBatchInterval(0);
    server->start();
    if (server->state() != Session::State::Active || server->boundPort() == 0)
        qWarning("server did not start: %s", qPrintable(server->stateText()));
    return server;
}

std::unique_ptr<DtlsSession> tst_DtlsSession::startClient(quint16 port, TlsSettings tls)
{
    tls.enabled = true;
    auto client = std::make_unique<DtlsSession>();
    DtlsSession::Options o;
    o.bindAddress = QHostAddress::LocalHost;
    o.remoteHost = QStringLiteral("127.0.0.1");
    o.remotePort = port;
    o.tls = tls;
    client->setOptions(o);
    client->setBatchInterval(0);
    client->start();
    return client;
}

void tst_DtlsSession::factoryPicksDtls()
{
    std::unique_ptr<Session> plain(createSession(Session::Mode::Udp, nullptr));
    std::unique_ptr<Session> dtls(createSession(Session::Mode::Udp, nullptr, false, true));
    QVERIFY(!qobject_cast<DtlsSession *>(plain.get()));
    QVERIFY(qobject_cast<DtlsSession *>(dtls.get()));
    QCOMPARE(dtls->mode(), Session::Mode::Udp);
    // The role follows the settings: its own certificate makes a server.
    TlsSettings tls;
    QVERIFY(!DtlsSession::isServer(tls));
    tls.generateCertificate = true;
    QVERIFY(DtlsSession::isServer(tls));
}

void tst_DtlsSession::exchangeBothWays()
{
    auto server = startServer(m_server);
    QVERIFY(server->boundPort() != 0);
    RecordLog serverLog(server.get());
    QSignalSpy opened(server.get(), &Session::peerOpened);
    TlsSettings tls;
    tls.caFile = m_server.certPath;
    auto client = startClient(server->boundPort(), tls);
    RecordLog clientLog(client.get());
    QCOMPARE(client->state(), Session::State::Starting); // not Active before the handshake
    QTRY_COMPARE(client->state(), Session::State::Active);
    QTRY_COMPARE(opened.size(), 1);

    const quint32 toServer = openPeer(*client);
    const quint32 toClient = openPeer(*server);
    QVERIFY(toServer && toClient);
    const TlsSessionInfo &seen = client->peer(toServer)->tls;
    QVERIFY(seen.active);
    QCOMPARE(seen.protocol, QStringLiteral("DTLSv1.2"));
    QVERIFY(!seen.cipher.isEmpty());
    QCOMPARE(seen.peerCertificate(), m_server.cert.certificate());
    QVERIFY(seen.verifyErrors.isEmpty());
    QCOMPARE(server->peer(toClient)->tls.protocol, QStringLiteral("DTLSv1.2"));
    QCOMPARE(server->peer(toClient)->tls.cipher, seen.cipher);
    QVERIFY(server->peer(toClient)->tls.peerChain.isEmpty()); // no client certificate asked
    QCOMPARE(server->tlsCertificate(), m_server.cert.certificate());
    QVERIFY(client->tlsCertificate().isNull());

    // Each datagram one frame, either way; the default target of the client is the server.
    QVERIFY(client->send("ping-1").ok());
    QVERIFY(client->send(QByteArray(3000, 'x')).ok());
    QTRY_COMPARE(serverLog.payloads(toClient, LogRecord::Kind::Rx).size(), 2);
    QCOMPARE(serverLog.payloads(toClient, LogRecord::Kind::Rx),
             (QList<QByteArray>{"ping-1", QByteArray(3000, 'x')}));
    QVERIFY(server->send("pong", {toClient}).ok());
    QTRY_COMPARE(clientLog.payloads(toServer, LogRecord::Kind::Rx), QList<QByteArray>{"pong"});
    QVERIFY(clientLog.hasEvent(toServer, QStringLiteral("DTLS handshake finished: DTLSv1.2")));
    QVERIFY(serverLog.hasEvent(toClient, QStringLiteral("DTLS handshake finished: DTLSv1.2")));
}

void tst_DtlsSession::verification_data()
{
    QTest::addColumn<QString>("which"); // the server's certificate
    QTest::addColumn<bool>("trustIt");  // its file as the client's CA
    QTest::addColumn<QString>("sni");
    QTest::addColumn<bool>("insecure");
    QTest::addColumn<QString>("refusedFor"); // empty: accepted

    QTest::newRow("trusted, address in SAN") << "server" << true << "" << false << "";
    QTest::newRow("trusted, SNI localhost") << "server" << true << "localhost" << false << "";
    QTest::newRow("self-signed, no CA") << "server" << false << "" << false << "Self-signed";
    QTest::newRow("self-signed, insecure") << "server" << false << "" << true << "";
    QTest::newRow("SNI names another host")
        << "server" << true << "wrong.example" << false << "Host name mismatch";
    // Qt 6.4 alone would accept some of these (hostnamecheck.h); our check must refuse it.
    QTest::newRow("certificate for another host")
        << "other" << true << "" << false << "Host name mismatch";
    QTest::newRow("another host, insecure") << "other" << true << "" << true << "";
}

void tst_DtlsSession::verification()
{
    QFETCH(QString, which);
    QFETCH(bool, trustIt);
    QFETCH(QString, sni);
    QFETCH(bool, insecure);
    QFETCH(QString, refusedFor);
    const CertFiles &cert = which == QLatin1String("other") ? m_otherName : m_server;
    auto server = startServer(cert);
    TlsSettings tls;
    if (trustIt)
        tls.caFile = cert.certPath;
    tls.serverName = sni;
    tls.insecure = insecure;
    auto client = startClient(server->boundPort(), tls);
    RecordLog clientLog(client.get());
    QSignalSpy refused(client.get(), &Session::tlsVerificationFailed);
    QTRY_VERIFY(client->state() == Session::State::Active ||
                client->state() == Session::State::Failed);
    // Qt's DTLS sends no SNI: a name to check is said to be checked only.
    QCOMPARE(clientLog.hasEvent(0, QStringLiteral("not sent (Qt's DTLS sends no SNI)")),
             !sni.isEmpty());
    if (refusedFor.isEmpty()) {
        QVERIFY2(client->state() == Session::State::Active, qPrintable(client->stateText()));
        const TlsSessionInfo &info = client->peer(openPeer(*client))->tls;
        QCOMPARE(info.verifyErrors.isEmpty(), !insecure); // insecure: what it accepted
        QCOMPARE(refused.size(), 0);
        return;
    }
    QCOMPARE(client->state(), Session::State::Failed);
    QVERIFY2(client->stateText().contains(QStringLiteral("certificate was not accepted")) &&
                 client->stateText().contains(refusedFor),
             qPrintable(client->stateText()));
    QCOMPARE(refused.size(), 1);
    const auto info = refused.first().first().value<TlsSessionInfo>();
    QCOMPARE(info.peerCertificate(), cert.cert.certificate());
    QVERIFY(!info.verifyErrors.isEmpty());
    QCOMPARE(openPeer(*client), 0u);
    QTRY_COMPARE(client->boundPort(), quint16(0)); // its socket went with the failure
}

void tst_DtlsSession::mutual_data()
{
    QTest::addColumn<bool>("showCertificate");
    QTest::newRow("required, missing") << false;
    QTest::newRow("required, present") << true;
}

void tst_DtlsSession::mutual()
{
    QFETCH(bool, showCertificate);
    TlsSettings serverTls;
    serverTls.caFile = m_client.certPath;
    serverTls.clientCertificates = TlsSettings::ClientCertificates::Required;
    auto server = startServer(m_server, serverTls);
    RecordLog serverLog(server.get());
    TlsSettings tls;
    tls.caFile = m_server.certPath;
    tls.handshakeTimeoutMs = 3000;
    if (showCertificate) {
        tls.clientCertFile = m_client.certPath;
        tls.clientKeyFile = m_client.keyPath;
    }
    auto client = startClient(server->boundPort(), tls);
    if (showCertificate) {
        QTRY_VERIFY(client->state() == Session::State::Active ||
                    client->state() == Session::State::Failed);
        QVERIFY2(client->state() == Session::State::Active, qPrintable(client->stateText()));
        QTRY_VERIFY(openPeer(*server) != 0);
        QCOMPARE(server->peer(openPeer(*server))->tls.peerCertificate(),
                 m_client.cert.certificate());
        return;
    }
    // Qt's DTLS server judges the certificate after OpenSSL finished the handshake: the client
    // got that far, and then hears the server's close_notify.
    QTRY_COMPARE(client->state(), Session::State::Idle);
    QCOMPARE(client->peerIds().size(), 1);
    QCOMPARE(client->peer(client->peerIds().first())->closeReason, CloseReason::PeerClosed);
    QTRY_COMPARE(serverLog.errorEvents(QStringLiteral("DTLS handshake with 127.0.0.1:")), 1);
    QCOMPARE(serverLog.errorEvents(QStringLiteral("No certificate")), 1);
    QCOMPARE(openPeer(*server), 0u);
    QCOMPARE(server->state(), Session::State::Active); // the server goes on
}

void tst_DtlsSession::plaintextDatagramIgnored()
{
    auto server = startServer(m_server);
    RecordLog serverLog(server.get());
    QUdpSocket plain;
    QVERIFY(plain.bind(QHostAddress::LocalHost, 0));
    for (int i = 0; i < 3; ++i)
        plain.writeDatagram("hello, plain text", QHostAddress::LocalHost, server->boundPort());
    QTRY_COMPARE(server->ignoredDatagrams(), qint64(3));
    // Named once for that sender, with what it was; no peer, no answer.
    QCOMPARE(serverLog.errorEvents(QStringLiteral("Ignored a datagram from 127.0.0.1:%1")
                                       .arg(plain.localPort())),
             1);
    QCOMPARE(serverLog.errorEvents(QStringLiteral("not DTLS")), 1);
    QCOMPARE(server->peerIds().size(), 0);
    QTest::qWait(50);
    QVERIFY(!plain.hasPendingDatagrams());

    // The server still works.
    TlsSettings tls;
    tls.caFile = m_server.certPath;
    auto client = startClient(server->boundPort(), tls);
    QTRY_COMPARE(client->state(), Session::State::Active);
    QVERIFY(client->send("after the noise").ok());
    QTRY_COMPARE(serverLog.payloads(openPeer(*server), LogRecord::Kind::Rx).size(), 1);
}

void tst_DtlsSession::closeNotifyBothWays()
{
    auto server = startServer(m_server);
    TlsSettings tls;
    tls.caFile = m_server.certPath;
    // The client stops: the server's peer closes as peer-closed.
    auto client = startClient(server->boundPort(), tls);
    QTRY_COMPARE(client->state(), Session::State::Active);
    QTRY_VERIFY(openPeer(*server) != 0);
    const quint32 first = openPeer(*server);
    client->stop();
    QTRY_VERIFY(!server->peer(first)->isOpen());
    QCOMPARE(server->peer(first)->closeReason, CloseReason::PeerClosed);

    // The server stops: the client's peer closes as peer-closed and the client goes idle.
    client = startClient(server->boundPort(), tls);
    QTRY_COMPARE(client->state(), Session::State::Active);
    const quint32 toServer = openPeer(*client);
    QTRY_COMPARE(server->openPeerCount(), 1);
    server->stop();
    QTRY_VERIFY(!client->peer(toServer)->isOpen());
    QCOMPARE(client->peer(toServer)->closeReason, CloseReason::PeerClosed);
    QCOMPARE(client->state(), Session::State::Idle);
}

void tst_DtlsSession::handshakeTimesOut()
{
    // A UDP socket that never answers: QDtls resends its ClientHello, then we give up.
    QUdpSocket silent;
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    TlsSettings tls;
    tls.handshakeTimeoutMs = 1500;
    auto client = startClient(silent.localPort(), tls);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Session::State::Failed, 5000);
    QVERIFY2(client->stateText().contains(
                 TlsErrorText::handshakeText(TlsErrorText::HandshakeFailure::TimedOut)),
             qPrintable(client->stateText()));
    int hellos = 0;
    while (silent.hasPendingDatagrams()) {
        const QByteArray d = silent.receiveDatagram().data();
        hellos += d.size() > 13 && d.at(0) == 22 && quint8(d.at(1)) == 0xfe; // a handshake record
    }
    QVERIFY2(hellos >= 2, qPrintable(QString::number(hellos))); // resent after QDtls's timer
}

void tst_DtlsSession::clientWithoutTargetRefused()
{
    DtlsSession session;
    SessionEndpoint e;
    e.tls.enabled = true; // no certificate: a client, and it has no server to talk to
    session.setEndpoint(e);
    session.start();
    QCOMPARE(session.state(), Session::State::Failed);
    QVERIFY2(session.stateText().contains(QStringLiteral("DTLS client needs the server")),
             qPrintable(session.stateText()));
    QCOMPARE(session.boundPort(), quint16(0));
}

void tst_DtlsSession::peerLimit()
{
    // Clients that vanish without a close_notify (a device switched off) must not fill the table
    // for good: past maxPeers the oldest open one is forgotten, as UdpSession does.
    auto server = std::make_unique<DtlsSession>();
    DtlsSession::Options o;
    o.bindAddress = QHostAddress::LocalHost;
    o.tls.enabled = true;
    o.tls.certFile = m_server.certPath;
    o.tls.keyFile = m_server.keyPath;
    o.maxPeers = 1;
    server->setOptions(o);
    server->setBatchInterval(0);
    server->start();
    RecordLog serverLog(server.get());
    TlsSettings tls;
    tls.caFile = m_server.certPath;
    auto vanished = startClient(server->boundPort(), tls);
    QTRY_COMPARE(vanished->state(), Session::State::Active);
    QTRY_COMPARE(server->openPeerCount(), 1);
    const quint32 old = openPeer(*server);
    vanished.reset(); // no close_notify
    auto second = startClient(server->boundPort(), tls);
    QTRY_COMPARE(second->state(), Session::State::Active);
    QTRY_VERIFY(!server->peer(old)->isOpen());
    QVERIFY2(server->peer(old)->closeText.contains(QStringLiteral("forgotten")),
             qPrintable(server->peer(old)->closeText));
    QCOMPARE(server->openPeerCount(), 1);
    QVERIFY(second->send("still here").ok());
    QTRY_COMPARE(serverLog.payloads(openPeer(*server), LogRecord::Kind::Rx).size(), 1);
}

void tst_DtlsSession::clientRestartsFromSamePort()
{
    // A device that reboots and says hello again from the same port, without a close_notify:
    // the new handshake replaces the old session instead of being ignored as undecryptable.
    auto server = startServer(m_server);
    RecordLog serverLog(server.get());
    TlsSettings tls;
    tls.caFile = m_server.certPath;
    auto client = std::make_unique<DtlsSession>();
    DtlsSession::Options o;
    o.bindAddress = QHostAddress::LocalHost;
    o.remoteHost = QStringLiteral("127.0.0.1");
    o.remotePort = server->boundPort();
    o.tls = tls;
    o.tls.enabled = true;
    client->setOptions(o);
    client->start();
    QTRY_COMPARE(client->state(), Session::State::Active);
    QTRY_COMPARE(server->openPeerCount(), 1);
    const quint32 old = openPeer(*server);
    o.port = client->boundPort();
    client = std::make_unique<DtlsSession>(); // the old one goes without a word
    client->setOptions(o);
    client->start();
    QTRY_COMPARE(client->state(), Session::State::Active);
    QTRY_VERIFY(!server->peer(old)->isOpen());
    QCOMPARE(server->openPeerCount(), 1);
    QVERIFY(client->send("after the reboot").ok());
    QTRY_COMPARE(serverLog.payloads(openPeer(*server), LogRecord::Kind::Rx),
                 QList<QByteArray>{"after the reboot"});
}

void tst_DtlsSession::oversizedDatagramRefused()
{
    auto server = startServer(m_server);
    TlsSettings tls;
    tls.caFile = m_server.certPath;
    auto client = startClient(server->boundPort(), tls);
    QTRY_COMPARE(client->state(), Session::State::Active);
    const Session::SendResult r = client->send(QByteArray(16385, 'y'));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("at most 16384 bytes")), qPrintable(r.error));
    QVERIFY(client->send(QByteArray(16384, 'y')).ok());
}

QTEST_MAIN(tst_DtlsSession)
#include "tst_dtlssession.moc"
