// The throwaway certificate and TlsErrorText against real TLS peers on 127.0.0.1:
// `openssl s_server` (nobody here wrote it) and Qt's own QSslServer/QSslSocket.
#include "core/tls/privatekeyfile.h"
#include "core/tls/throwawaycertificate.h"
#include "core/tls/tlserrortext.h"

#include "opensslpeer.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sockscope;
using sockscope::test::opensslBinary;
using sockscope::test::OpenSslServer;
using Failure = TlsErrorText::HandshakeFailure;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QSslConfiguration trusting(const QList<QSslCertificate> &cas)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (!cas.isEmpty())
        configuration.setCaCertificates(cas);
    return configuration;
}

// The first bytes a QSslSocket client sends (its ClientHello), caught by a plain server.
QByteArray captureClientHello(QSsl::SslProtocol protocol)
{
    QTcpServer plain;
    if (!plain.listen(QHostAddress::LocalHost, 0))
        return {};
    QSslSocket client;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(protocol);
    client.setSslConfiguration(configuration);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), plain.serverPort(),
                                  QStringLiteral("localhost"));
    if (!QTest::qWaitFor([&plain] { return plain.hasPendingConnections(); }, 5000))
        return {};
    std::unique_ptr<QTcpSocket> accepted(plain.nextPendingConnection());
    QByteArray hello;
    // A record header says how long the record is: wait for all of it.
    const auto complete = [&hello] {
        return hello.size() >= 5 &&
               hello.size() >= 5 + ((uchar(hello.at(3)) << 8) | uchar(hello.at(4)));
    };
    const bool whole = QTest::qWaitFor(
        [&] {
            hello += accepted->readAll();
            return complete();
        },
        5000);
    return whole ? hello : QByteArray();
}

} // namespace

class tst_TlsPeers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensslServerWithThrowaway_data();
    void opensslServerWithThrowaway();
    void verifyErrorsInWords_data();
    void verifyErrorsInWords();
    void plaintextServerIsNotTls();
    void silentServerClosesWithoutAnswer();
    void opensslRefusesProtocolVersion();

private:
    QTemporaryDir m_dir;
    ThrowawayCertificate m_cert;
    QString m_certPath;
    QString m_keyPath;
};

void tst_TlsPeers::initTestCase()
{
    QVERIFY(QSslSocket::supportsSsl());
    QString error;
    m_cert = ThrowawayCertificate::generate(&error);
    QVERIFY2(!m_cert.isNull(), qPrintable(error));
    m_certPath = m_dir.filePath(QStringLiteral("cert.pem"));
    m_keyPath = m_dir.filePath(QStringLiteral("key.pem"));
    QVERIFY(writeFile(m_certPath, m_cert.certificatePem()));
    QVERIFY2(writePrivateKeyFile(m_keyPath, m_cert.privateKeyPem(), &error), qPrintable(error));
}

void tst_TlsPeers::opensslServerWithThrowaway_data()
{
    QTest::addColumn<QString>("verifyName");
    QTest::newRow("localhost") << QStringLiteral("localhost");
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("::1") << QStringLiteral("::1");
}

void tst_TlsPeers::opensslServerWithThrowaway()
{
    QFETCH(QString, verifyName);
    if (opensslBinary().isEmpty())
        QSKIP("the openssl binary is missing (Debian package openssl)");
    OpenSslServer server;
    const quint16 port = server.start(m_certPath, m_keyPath);
    QVERIFY2(port != 0, qPrintable(server.errors()));

    QSslSocket client;
    client.setSslConfiguration(trusting({m_cert.certificate()}));
    QSignalSpy sslErrors(&client, &QSslSocket::sslErrors);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, verifyName);
    QTRY_VERIFY2(client.isEncrypted() || client.state() == QAbstractSocket::UnconnectedState,
                 qPrintable(client.errorString()));
    QVERIFY2(client.isEncrypted(), qPrintable(client.errorString() + server.errors()));
    QCOMPARE(sslErrors.count(), 0);
    QCOMPARE(client.peerCertificate(), m_cert.certificate());

    client.write("hello from qt\n");
    QTRY_VERIFY2(server.output().contains("hello from qt\n"), server.output().constData());
    server.send("hello from s_server\n");
    QByteArray received;
    QTRY_VERIFY2((received += client.readAll()).contains("hello from s_server\n"),
                 received.constData());
}

void tst_TlsPeers::verifyErrorsInWords_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("verifyName");
    QTest::addColumn<QSslError::SslError>("expected");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("self-signed, not trusted")
        << QStringLiteral("untrusted") << QStringLiteral("localhost")
        << QSslError::SelfSignedCertificate
        << QStringList{QStringLiteral("Self-signed"), QStringLiteral("\"localhost\"")};
    QTest::newRow("host name mismatch")
        << QStringLiteral("other name") << QStringLiteral("localhost")
        << QSslError::HostNameMismatch
        << QStringList{QStringLiteral("Host name mismatch"), QStringLiteral("localhost"),
                       QStringLiteral("other.example")};
    QTest::newRow("address mismatch")
        << QStringLiteral("trusted") << QStringLiteral("10.0.0.1") << QSslError::HostNameMismatch
        << QStringList{QStringLiteral("is not for 10.0.0.1"),
                       QStringLiteral("localhost, 127.0.0.1, ::1")};
    QTest::newRow("IPv6 address mismatch")
        << QStringLiteral("trusted") << QStringLiteral("::2") << QSslError::HostNameMismatch
        << QStringList{QStringLiteral("is not for ::2")};
    QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("localhost")
                             << QSslError::CertificateExpired
                             << QStringList{QStringLiteral("Expired"),
                                            QStringLiteral("valid until")};
    QTest::newRow("not yet valid")
        << QStringLiteral("future") << QStringLiteral("localhost")
        << QSslError::CertificateNotYetValid << QStringList{QStringLiteral("Not yet valid")};
}

void tst_TlsPeers::verifyErrorsInWords()
{
    QFETCH(QString, kind);
    QFETCH(QString, verifyName);
    QFETCH(QSslError::SslError, expected);
    QFETCH(QStringList, words);
    ThrowawayCertificate::Options options;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (kind == QLatin1String("other name")) {
        // Qt also matches the CN when there are SANs: it must name the other host too.
        options.commonName = QStringLiteral("other.example");
        options.dnsNames = {QStringLiteral("other.example")};
        options.addresses.clear();
    } else if (kind == QLatin1String("expired")) {
        options.notBefore = now.addDays(-30);
        options.notAfter = now.addDays(-1);
    } else if (kind == QLatin1String("future")) {
        options.notBefore = now.addDays(1);
        options.notAfter = now.addDays(30);
    }
    const ThrowawayCertificate cert = ThrowawayCertificate::generate(options);
    QVERIFY(!cert.isNull());

    QSslServer server;
    QSslConfiguration serverSide = QSslConfiguration::defaultConfiguration();
    serverSide.setLocalCertificate(cert.certificate());
    serverSide.setPrivateKey(cert.privateKey());
    server.setSslConfiguration(serverSide);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    QSslSocket client;
    if (kind != QLatin1String("untrusted"))
        client.setSslConfiguration(trusting({cert.certificate()}));
    QSignalSpy sslErrors(&client, &QSslSocket::sslErrors);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort(), verifyName);
    QTRY_VERIFY2(sslErrors.count() == 1,
                 client.isEncrypted() ? "handshake succeeded" : "no sslErrors");
    QVERIFY(!client.isEncrypted());
    const auto errors = sslErrors.first().first().value<QList<QSslError>>();
    QStringList codes;
    bool found = false;
    for (const QSslError &error : errors) {
        codes << error.errorString();
        found = found || error.error() == expected;
    }
    QVERIFY2(found, qPrintable(codes.join(QStringLiteral("; "))));
    const QString text = TlsErrorText::describe(errors, verifyName).join(QLatin1Char('\n'));
    for (const QString &word : words)
        QVERIFY2(text.contains(word), qPrintable(word + QStringLiteral(" missing in: ") + text));
}

void tst_TlsPeers::plaintextServerIsNotTls()
{
    // A plain server that greets first, as HTTP error pages, FTP and SMTP banners do.
    const QByteArray greeting("220 plain text service ready\r\n");
    QTcpServer plain;
    QVERIFY(plain.listen(QHostAddress::LocalHost, 0));
    std::unique_ptr<QTcpSocket> accepted;
    connect(&plain, &QTcpServer::newConnection, this, [&] {
        accepted.reset(plain.nextPendingConnection());
        accepted->write(greeting);
    });
    QSslSocket client;
    QSignalSpy errorSpy(&client, &QAbstractSocket::errorOccurred);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), plain.serverPort(),
                                  QStringLiteral("localhost"));
    QTRY_VERIFY(errorSpy.count() > 0);
    QVERIFY(!client.isEncrypted());
    const auto error = errorSpy.first().first().value<QAbstractSocket::SocketError>();
    QCOMPARE(error, QAbstractSocket::SslHandshakeFailedError);
    // The link that uses the classifier keeps the first bytes it saw: here, the greeting.
    const Failure failure = TlsErrorText::classifyHandshake(greeting, error);
    QCOMPARE(failure, Failure::NotTls);
    QVERIFY(TlsErrorText::handshakeText(failure).contains(QStringLiteral("does not speak TLS")));
}

void tst_TlsPeers::silentServerClosesWithoutAnswer()
{
    // A plain server that reads the ClientHello and hangs up, as many do with bytes they cannot
    // parse.
    QTcpServer plain;
    QVERIFY(plain.listen(QHostAddress::LocalHost, 0));
    std::unique_ptr<QTcpSocket> accepted;
    connect(&plain, &QTcpServer::newConnection, this, [&] {
        accepted.reset(plain.nextPendingConnection());
        connect(accepted.get(), &QIODevice::readyRead, accepted.get(), [&] {
            accepted->readAll();
            accepted->close();
        });
    });
    QSslSocket client;
    QSignalSpy errorSpy(&client, &QAbstractSocket::errorOccurred);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), plain.serverPort(),
                                  QStringLiteral("localhost"));
    QTRY_VERIFY(errorSpy.count() > 0);
    const auto error = errorSpy.first().first().value<QAbstractSocket::SocketError>();
    QVERIFY2(error == QAbstractSocket::RemoteHostClosedError ||
                 error == QAbstractSocket::SslHandshakeFailedError,
             qPrintable(client.errorString()));
    QCOMPARE(TlsErrorText::classifyHandshake(QByteArray(), error), Failure::ClosedWithoutAnswer);
}

void tst_TlsPeers::opensslRefusesProtocolVersion()
{
    if (opensslBinary().isEmpty())
        QSKIP("the openssl binary is missing (Debian package openssl)");
    // Qt's TLS 1.2-only ClientHello to an s_server that speaks TLS 1.3 only: its answer is an
    // alert.
    const QByteArray hello = captureClientHello(QSsl::TlsV1_2);
    QVERIFY(!hello.isEmpty());
    QVERIFY(TlsErrorText::looksLikeTls(hello));

    OpenSslServer server;
    const quint16 port = server.start(m_certPath, m_keyPath, {QStringLiteral("-tls1_3")});
    QVERIFY2(port != 0, qPrintable(server.errors()));
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(raw.state(), QAbstractSocket::ConnectedState);
    raw.write(hello);
    QByteArray answer;
    QTRY_VERIFY((answer += raw.readAll()).size() >= 7 ||
                raw.state() == QAbstractSocket::UnconnectedState);
    answer += raw.readAll();
    QCOMPARE(TlsErrorText::alertDescription(answer), 70); // protocol_version
    QCOMPARE(TlsErrorText::classifyHandshake(answer, QAbstractSocket::RemoteHostClosedError),
             Failure::NoSharedProtocol);
}

QTEST_GUILESS_MAIN(tst_TlsPeers)
#include "tst_tlspeers.moc"
