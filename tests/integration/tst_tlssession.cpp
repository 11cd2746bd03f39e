// TLS in the sessions (issue #15): a TCP server and client of ours on 127.0.0.1 with TLS on,
// what the peers and the log say, the verification-failed signal the window's "Connect anyway
// this time" needs, a stop() in the middle of a handshake, and a relay with TLS on both sides.
// The command line against openssl and python3 peers is tst_tlscli's.

#include "core/session/relaycontrol.h"
#include "core/tls/throwawaycertificate.h"
#include "core/transport/tcpclientsession.h"
#include "core/transport/tcprelaysession.h"
#include "core/transport/tcpserversession.h"

#include "loopback.h"
#include "recordlog.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>

using namespace sockscope;
using namespace sockscope::test;

class tst_TlsSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void serverAndClientAgree();
    void refusedCertificateIsSignalled();
    void connectAnywayLogsTheErrors();
    void stopDuringHandshake();
    void badFileFailsTheStart_data();
    void badFileFailsTheStart();
    void relayTerminatesAndOriginates();

private:
    // Not started yet: a RecordLog can watch it from its first record.
    std::unique_ptr<TcpServerSession> tlsServer();
    std::unique_ptr<TcpClientSession> tlsClient(quint16 port, const TlsSettings &tls);
    TlsSettings trusting() const;

    QTemporaryDir m_dir;
    ThrowawayCertificate m_certificate;
    QString m_certFile;
    QString m_keyFile;
};

void tst_TlsSession::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_certificate = ThrowawayCertificate::generate();
    QVERIFY(!m_certificate.isNull());
    m_certFile = m_dir.filePath(QStringLiteral("cert.pem"));
    m_keyFile = m_dir.filePath(QStringLiteral("key.pem"));
    QFile cert(m_certFile);
    QVERIFY(cert.open(QIODevice::WriteOnly));
    cert.write(m_certificate.certificatePem());
    QFile key(m_keyFile);
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write(m_certificate.privateKeyPem());
}

std::unique_ptr<TcpServerSession> tst_TlsSession::tlsServer()
{
    auto server = std::make_unique<TcpServerSession>();
    server->setBatchInterval(5);
    TcpServerSession::Options o;
    o.address = kLoopback;
    o.tls.enabled = true;
    o.tls.certFile = m_certFile;
    o.tls.keyFile = m_keyFile;
    server->setOptions(o);
    return server;
}

std::unique_ptr<TcpClientSession> tst_TlsSession::tlsClient(quint16 port, const TlsSettings &tls)
{
    auto client = std::make_unique<TcpClientSession>();
    client->setBatchInterval(5);
    TcpClientSession::Options o;
    o.host = QStringLiteral("localhost");
    o.port = port;
    o.tls = tls;
    client->setOptions(o);
    return client;
}

TlsSettings tst_TlsSession::trusting() const
{
    TlsSettings tls;
    tls.enabled = true;
    tls.caFile = m_certFile;
    return tls;
}

void tst_TlsSession::serverAndClientAgree()
{
    auto server = tlsServer();
    RecordLog serverLog(server.get());
    server->start();
    QCOMPARE(server->state(), Session::State::Active);
    QCOMPARE(server->tlsCertificate(), m_certificate.certificate());
    auto client = tlsClient(server->serverPort(), trusting());
    RecordLog clientLog(client.get());
    client->start();
    QTRY_COMPARE(client->connection(), TcpClientSession::Connection::Connected);
    const PeerInfo *ours = client->peer(client->currentPeer());
    QVERIFY(ours && ours->tls.active);
    QCOMPARE(ours->tls.peerCertificate(), m_certificate.certificate());
    QTRY_COMPARE(server->openPeerCount(), 1);
    const PeerInfo *theirs = server->peer(server->peerIds().constFirst());
    QVERIFY(theirs->tls.active);
    QCOMPARE(theirs->tls.protocol, ours->tls.protocol);

    QVERIFY(client->send("over tls").ok());
    QTRY_COMPARE(serverLog.bytes(theirs->id, LogRecord::Kind::Rx), QByteArray("over tls"));
    QCOMPARE(server->peer(theirs->id)->rxBytes, 8); // application bytes, not records
    QTRY_VERIFY(clientLog.hasEvent(ours->id, QStringLiteral("TLS handshake finished")));
    QVERIFY(serverLog.hasEvent(0, QStringLiteral("TLS certificate: CN=localhost")));
}

void tst_TlsSession::refusedCertificateIsSignalled()
{
    auto server = tlsServer();
    server->start();
    TlsSettings tls;
    tls.enabled = true; // the system's CAs: our throwaway certificate is not among them
    auto client = tlsClient(server->serverPort(), tls);
    QSignalSpy refused(client.get(), &Session::tlsVerificationFailed);
    client->start();
    QTRY_COMPARE(client->state(), Session::State::Failed);
    QCOMPARE(refused.size(), 1);
    const auto info = refused.first().first().value<TlsSessionInfo>();
    QCOMPARE(info.peerCertificate(), m_certificate.certificate());
    QVERIFY2(info.verifyErrors.join(u' ').contains(QStringLiteral("Self-signed")),
             qPrintable(info.verifyErrors.join(u' ')));
    QVERIFY2(client->stateText().contains(QStringLiteral("Self-signed")),
             qPrintable(client->stateText()));
    QCOMPARE(client->lastCloseReason(), CloseReason::TlsFailed);
    QTest::qWait(50);
    QCOMPARE(server->openPeerCount(), 0); // and the server lives on
    QCOMPARE(server->state(), Session::State::Active);
}

void tst_TlsSession::connectAnywayLogsTheErrors()
{
    auto server = tlsServer();
    server->start();
    TlsSettings tls;
    tls.enabled = true;
    tls.insecure = true;
    auto client = tlsClient(server->serverPort(), tls);
    RecordLog log(client.get());
    client->start();
    QTRY_COMPARE(client->connection(), TcpClientSession::Connection::Connected);
    const PeerInfo *p = client->peer(client->currentPeer());
    QCOMPARE(p->tls.verifyErrors.size(), 1);
    QTRY_COMPARE(log.errorEvents(QStringLiteral("Accepted despite")), 1);
}

// A server that accepts and never answers: stop() ends the handshake, nothing follows.
void tst_TlsSession::stopDuringHandshake()
{
    QTcpServer mute;
    QVERIFY(mute.listen(kLoopback, 0));
    auto client = tlsClient(mute.serverPort(), trusting());
    QSignalSpy states(client.get(), &Session::stateChanged);
    client->start();
    QTRY_VERIFY(mute.hasPendingConnections());
    QTest::qWait(50);
    QCOMPARE(client->connection(), TcpClientSession::Connection::Connecting);
    client->stop();
    QCOMPARE(client->connection(), TcpClientSession::Connection::Closed);
    QCOMPARE(client->state(), Session::State::Idle);
    const qsizetype seen = states.size();
    QTest::qWait(200);
    QCOMPARE(states.size(), seen);
}

void tst_TlsSession::badFileFailsTheStart_data()
{
    QTest::addColumn<QString>("certFile");
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<QString>("words");
    QTest::newRow("missing certificate") << QStringLiteral("nope.pem") << QStringLiteral("key")
                                         << QStringLiteral("does not exist");
    QTest::newRow("key as certificate") << QStringLiteral("key") << QStringLiteral("key")
                                        << QStringLiteral("holds no certificate");
    QTest::newRow("certificate as key") << QStringLiteral("cert") << QStringLiteral("cert")
                                        << QStringLiteral("holds no private key");
    QTest::newRow("someone else's key") << QStringLiteral("cert") << QStringLiteral("other")
                                        << QStringLiteral("is not the key of the certificate");
    QTest::newRow("a FIFO as key") << QStringLiteral("cert") << QStringLiteral("fifo")
                                   << QStringLiteral("is not a regular file");
}

void tst_TlsSession::badFileFailsTheStart()
{
    QFETCH(QString, certFile);
    QFETCH(QString, keyFile);
    QFETCH(QString, words);
    const ThrowawayCertificate other = ThrowawayCertificate::generate();
    const QString otherKey = m_dir.filePath(QStringLiteral("other.key"));
    QFile f(otherKey);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(other.privateKeyPem());
    f.close();
    const auto path = [&](const QString &name) {
        return name == QLatin1String("cert")  ? m_certFile
               : name == QLatin1String("key") ? m_keyFile
               : name == QLatin1String("other") ? otherKey
                                                : m_dir.filePath(name);
    };
    if (keyFile == QLatin1String("fifo") && !QFileInfo::exists(path(keyFile)))
        QCOMPARE(::mkfifo(qPrintable(path(keyFile)), 0600), 0);
    TcpServerSession server;
    TcpServerSession::Options o;
    o.address = kLoopback;
    o.tls.enabled = true;
    o.tls.certFile = path(certFile);
    o.tls.keyFile = path(keyFile);
    server.setOptions(o);
    server.start();
    QCOMPARE(server.state(), Session::State::Failed);
    QVERIFY2(server.stateText().contains(words), qPrintable(server.stateText()));
    QVERIFY(!server.isListening());
}

// A TLS client → relay (terminates with a generated certificate, originates to the server,
// trusting it) → our TLS server: plaintext in the relay's log, both handshakes on its peers.
void tst_TlsSession::relayTerminatesAndOriginates()
{
    auto server = tlsServer();
    RecordLog serverLog(server.get());
    server->start();
    TcpRelaySession relay;
    relay.setBatchInterval(5);
    RecordLog relayLog(&relay);
    TcpRelaySession::Options o;
    o.address = kLoopback;
    o.upstreamHost = QStringLiteral("localhost");
    o.upstreamPort = server->serverPort();
    o.tls.enabled = true;
    o.tls.generateCertificate = true;
    o.tls.upstream = true;
    o.tls.caFile = m_certFile;
    relay.setOptions(o);
    relay.start();
    QCOMPARE(relay.state(), Session::State::Active);
    QVERIFY(!relay.tlsCertificate().isNull());

    TlsSettings insecure;
    insecure.enabled = true;
    insecure.insecure = true; // the relay's throwaway certificate
    auto client = tlsClient(relay.boundPort(), insecure);
    client->start();
    QTRY_COMPARE(client->connection(), TcpClientSession::Connection::Connected);
    QCOMPARE(client->peer(client->currentPeer())->tls.peerCertificate(), relay.tlsCertificate());
    QVERIFY(client->send("ping").ok());
    QTRY_COMPARE(server->openPeerCount(), 1);
    const quint32 atServer = server->peerIds().constFirst();
    QTRY_COMPARE(serverLog.bytes(atServer, LogRecord::Kind::Rx), QByteArray("ping"));
    QVERIFY(server->send("pong", {atServer}).ok());
    RecordLog clientLog(client.get());
    QTRY_COMPARE(clientLog.bytes(client->currentPeer(), LogRecord::Kind::Rx), QByteArray("pong"));

    const QList<quint32> sides = relay.peerIds();
    QCOMPARE(sides.size(), 2);
    for (quint32 id : sides) {
        const PeerInfo *p = relay.peer(id);
        QVERIFY(p->tls.active);
        if (p->isUpstream())
            QCOMPARE(p->tls.peerCertificate(), m_certificate.certificate());
        QCOMPARE(relayLog.bytes(id, LogRecord::Kind::Rx),
                 p->isUpstream() ? QByteArray("pong") : QByteArray("ping"));
    }
}

QTEST_GUILESS_MAIN(tst_TlsSession)
#include "tst_tlssession.moc"
