// `--mode udp --dtls` headless against openssl on 127.0.0.1 (a peer nobody here wrote; python3's
// ssl has no DTLS): our server with openssl s_client (echo, a plaintext datagram on the way,
// close_notify, the report's tls), our client with openssl s_server (both ways, verification
// refused at start = exit 3, --insecure keeps the errors), and the flags' scope checks.
#include "cli/launchoptions.h"
#include "core/tls/privatekeyfile.h"
#include "core/tls/throwawaycertificate.h"

#include "cliprocess.h"
#include "reportfile.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace sockscope;
using sockscope::test::CliProcess;
using sockscope::test::readReport;

namespace {

QString opensslBinary()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

// A UDP port that was free a moment ago (s_server cannot be told to pick one itself).
quint16 freeUdpPort()
{
    QUdpSocket probe;
    return probe.bind(QHostAddress::LocalHost, 0) ? probe.localPort() : 0;
}

// An openssl s_server/s_client for DTLS 1.2; what it prints collected, its stdin an open pipe
// (at EOF s_client sends close_notify and quits).
class OpenSslPeer
{
public:
    ~OpenSslPeer()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(2000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    // s_server on a free port; waits for its "ACCEPT"; 0 on failure.
    quint16 startServer(const QString &certPath, const QString &keyPath)
    {
        for (int attempt = 0; attempt < 3; ++attempt) {
            const quint16 port = freeUdpPort();
            m_process.start(opensslBinary(),
                            {QStringLiteral("s_server"), QStringLiteral("-dtls1_2"),
                             QStringLiteral("-naccept"), QStringLiteral("1"),
                             QStringLiteral("-accept"), QStringLiteral("127.0.0.1:%1").arg(port),
                             QStringLiteral("-cert"), certPath, QStringLiteral("-key"), keyPath});
            if (waitFor("ACCEPT") && running())
                return port;
            m_process.kill();
            m_process.waitForFinished(2000);
            m_output.clear();
        }
        return 0;
    }

    bool startClient(quint16 port)
    {
        m_process.start(opensslBinary(),
                        {QStringLiteral("s_client"), QStringLiteral("-dtls1_2"),
                         QStringLiteral("-connect"), QStringLiteral("127.0.0.1:%1").arg(port)});
        return m_process.waitForStarted(5000);
    }

    bool waitFor(const QByteArray &needle, int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [&] { return output().contains(needle) || !running(); }, timeoutMs) &&
               output().contains(needle);
    }
    bool running() const { return m_process.state() != QProcess::NotRunning; }
    QByteArray output()
    {
        m_output += m_process.readAllStandardOutput();
        return m_output;
    }
    void send(const QByteArray &bytes) { m_process.write(bytes); }
    void closeInput() { m_process.closeWriteChannel(); }
    bool waitForExit() { return m_process.waitForFinished(5000); }

private:
    QProcess m_process;
    QByteArray m_output;
};

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QString withoutColons(QString fingerprint)
{
    return fingerprint.remove(u':').toUpper();
}

} // namespace

class tst_DtlsCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void serverEchoesOpensslClient();
    void clientTalksToOpensslServer();
    void clientEndsWithItsSession();
    void verificationAtStart_data();
    void verificationAtStart();
    void flagScope_data();
    void flagScope();
    void flagsFillSettings();

private:
    QStringList udpArgs() const;

    QTemporaryDir m_dir;
    ThrowawayCertificate m_cert;
    QString m_certPath;
    QString m_keyPath;
};

void tst_DtlsCli::initTestCase()
{
    if (opensslBinary().isEmpty())
        QSKIP("openssl is not installed (Debian package openssl): no foreign DTLS peer");
    QVERIFY(m_dir.isValid());
    QString error;
    m_cert = ThrowawayCertificate::generate(&error);
    QVERIFY2(!m_cert.isNull(), qPrintable(error));
    m_certPath = m_dir.filePath(QStringLiteral("cert.pem"));
    m_keyPath = m_dir.filePath(QStringLiteral("key.pem"));
    QVERIFY(writeFile(m_certPath, m_cert.certificatePem()));
    QVERIFY2(writePrivateKeyFile(m_keyPath, m_cert.privateKeyPem(), &error), qPrintable(error));
}

QStringList tst_DtlsCli::udpArgs() const
{
    return {QStringLiteral("--headless"), QStringLiteral("--mode"), QStringLiteral("udp"),
            QStringLiteral("--bind"),     QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
            QStringLiteral("0"),          QStringLiteral("--dtls")};
}

void tst_DtlsCli::serverEchoesOpensslClient()
{
    const QString report = m_dir.filePath(QStringLiteral("server.json"));
    CliProcess server;
    QVERIFY(server.start(udpArgs() + QStringList{QStringLiteral("--gen-cert"),
                                                 QStringLiteral("--echo"),
                                                 QStringLiteral("--report"), report}));
    const QRegularExpressionMatch fingerprint = server.waitForOutput(QRegularExpression(
        QStringLiteral(R"(DTLS certificate generated for this run: .*, SHA-256 ([0-9A-F:]{95})\n)")));
    QVERIFY2(fingerprint.hasMatch(), qPrintable(server.diagnostics()));
    const QRegularExpressionMatch bound = server.waitForOutput(
        QRegularExpression(QStringLiteral(R"(\*\* - - DTLS server bound to 127\.0\.0\.1:(\d+)\n)")));
    QVERIFY2(bound.hasMatch(), qPrintable(server.diagnostics()));
    const quint16 port = quint16(bound.captured(1).toUInt());

    // Plaintext first: named, ignored, and the server goes on.
    QUdpSocket plain;
    QVERIFY(plain.bind(QHostAddress::LocalHost, 0));
    plain.writeDatagram("GET / HTTP/1.0\r\n\r\n", QHostAddress::LocalHost, port);
    QVERIFY2(server.waitForOutput(QRegularExpression(
                                      QStringLiteral("Ignored a datagram from 127\\.0\\.0\\.1:%1: "
                                                     "it is not DTLS")
                                          .arg(plain.localPort())))
                 .hasMatch(),
             qPrintable(server.diagnostics()));

    OpenSslPeer client;
    QVERIFY(client.startClient(port));
    QVERIFY2(client.waitFor("Verification"), client.output().constData()); // handshake done
    client.send("hello over dtls\n");
    QVERIFY2(client.waitFor("\nhello over dtls\n"), client.output().constData()); // the echo
    QVERIFY(server.waitForOutput(QRegularExpression(
                                     QStringLiteral(R"(RX 127\.0\.0\.1:\d+ 16 hello over dtls)")))
                .hasMatch());
    // EOF on its stdin: s_client sends close_notify.
    client.closeInput();
    QVERIFY(client.waitForExit());
    QVERIFY2(server.waitForOutput(QRegularExpression(QStringLiteral("the peer ended the DTLS "
                                                                    "session")))
                 .hasMatch(),
             qPrintable(server.diagnostics()));
    QCOMPARE(server.terminate(), 0);

    const QJsonObject r = readReport(report);
    const QJsonArray connections = r.value(QStringLiteral("connections")).toArray();
    QCOMPARE(connections.size(), 1);
    const QJsonObject c = connections.first().toObject();
    QCOMPARE(c.value(QStringLiteral("close_reason")).toString(), QStringLiteral("peer-closed"));
    QCOMPARE(c.value(QStringLiteral("rx_bytes")).toInteger(), 16);
    QCOMPARE(c.value(QStringLiteral("tx_bytes")).toInteger(), 16);
    const QJsonObject tls = c.value(QStringLiteral("tls")).toObject();
    QCOMPARE(tls.value(QStringLiteral("protocol")).toString(), QStringLiteral("DTLSv1.2"));
    QVERIFY(!tls.value(QStringLiteral("cipher")).toString().isEmpty());
    QVERIFY(tls.value(QStringLiteral("peer_subject")).isNull()); // no client certificate
    QVERIFY(tls.value(QStringLiteral("alpn")).isNull());
    QCOMPARE(tls.value(QStringLiteral("verify_errors")).toArray().size(), 0);
}

void tst_DtlsCli::clientTalksToOpensslServer()
{
    OpenSslPeer server;
    const quint16 port = server.startServer(m_certPath, m_keyPath);
    QVERIFY(port != 0);
    const QString report = m_dir.filePath(QStringLiteral("client.json"));
    CliProcess client;
    QVERIFY(client.start(udpArgs() +
                         QStringList{QStringLiteral("--remote"),
                                     QStringLiteral("127.0.0.1:%1").arg(port),
                                     QStringLiteral("--ca"), m_certPath, QStringLiteral("--send"),
                                     QStringLiteral("hello from sockscope\\n"),
                                     QStringLiteral("--escapes"), QStringLiteral("--duration"),
                                     QStringLiteral("20"), QStringLiteral("--report"), report}));
    // --send goes once the handshake finished (sent before, it would be refused or lost).
    QVERIFY2(server.waitFor("hello from sockscope\n"), server.output().constData());
    server.send("hello from openssl\n");
    QVERIFY2(client.waitForOutput(QRegularExpression(QStringLiteral(
                                      R"(RX 127\.0\.0\.1:\d+ 19 hello from openssl\\n)")))
                 .hasMatch(),
             qPrintable(client.diagnostics()));
    QVERIFY(client.out().contains(QStringLiteral("DTLS handshake finished: DTLSv1.2")));
    QCOMPARE(client.terminate(), 0);

    const QJsonArray connections = readReport(report).value(QStringLiteral("connections")).toArray();
    QCOMPARE(connections.size(), 1);
    const QJsonObject tls = connections.first().toObject().value(QStringLiteral("tls")).toObject();
    QCOMPARE(tls.value(QStringLiteral("protocol")).toString(), QStringLiteral("DTLSv1.2"));
    QVERIFY(tls.value(QStringLiteral("peer_subject")).toString().contains(
        QStringLiteral("localhost")));
    QCOMPARE(withoutColons(tls.value(QStringLiteral("peer_sha256")).toString()),
             withoutColons(m_cert.sha256Fingerprint()));
    QCOMPARE(tls.value(QStringLiteral("verify_errors")).toArray().size(), 0);
}

// A DTLS client's run ends with its session, as a TCP client's ends with its connection.
// (Our server: openssl s_server in DTLS mode sends no close_notify when told to quit.)
void tst_DtlsCli::clientEndsWithItsSession()
{
    CliProcess server;
    QVERIFY(server.start(QStringList{QStringLiteral("--headless"), QStringLiteral("--mode"),
                                     QStringLiteral("udp"), QStringLiteral("--bind"),
                                     QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                                     QStringLiteral("0"), QStringLiteral("--dtls"),
                                     QStringLiteral("--gen-cert")}));
    const QRegularExpressionMatch bound = server.waitForOutput(
        QRegularExpression(QStringLiteral(R"(DTLS server bound to 127\.0\.0\.1:(\d+))")));
    QVERIFY2(bound.hasMatch(), qPrintable(server.diagnostics()));
    CliProcess client;
    QVERIFY(client.start(udpArgs() + QStringList{QStringLiteral("--remote"),
                                                 QStringLiteral("127.0.0.1:") + bound.captured(1),
                                                 QStringLiteral("--insecure"),
                                                 QStringLiteral("--duration"), QStringLiteral("60")}));
    QVERIFY2(client.waitForOutput(QRegularExpression(QStringLiteral("DTLS session with")))
                 .hasMatch(),
             qPrintable(client.diagnostics()));
    QCOMPARE(server.terminate(), 0); // stop() ends each session with close_notify
    QVERIFY2(client.waitForExit(10000), qPrintable(client.diagnostics()));
    QCOMPARE(client.exitCode(), 0);
    QVERIFY(client.out().contains(QStringLiteral("the peer ended the DTLS session")));
}

void tst_DtlsCli::verificationAtStart_data()
{
    QTest::addColumn<bool>("insecure");
    QTest::newRow("self-signed, no --ca: exit 3") << false;
    QTest::newRow("self-signed, --insecure: works, errors kept") << true;
}

void tst_DtlsCli::verificationAtStart()
{
    QFETCH(bool, insecure);
    OpenSslPeer server;
    const quint16 port = server.startServer(m_certPath, m_keyPath);
    QVERIFY(port != 0);
    const QString report = m_dir.filePath(QStringLiteral("verify.json"));
    QStringList args = udpArgs() + QStringList{QStringLiteral("--remote"),
                                               QStringLiteral("127.0.0.1:%1").arg(port),
                                               QStringLiteral("--report"), report};
    if (insecure)
        args << QStringLiteral("--insecure");
    CliProcess client;
    QVERIFY(client.start(args));
    if (!insecure) {
        QVERIFY(client.waitForExit());
        QCOMPARE(client.exitCode(), 3);
        for (const QString &text : {client.err(), client.out()}) {
            QVERIFY2(text.contains(QStringLiteral("The server's certificate was not accepted")) &&
                         text.contains(QStringLiteral("Self-signed")),
                     qPrintable(client.diagnostics()));
        }
        return;
    }
    QVERIFY2(client.waitForOutput(QRegularExpression(QStringLiteral(
                                      "Accepted despite a failed verification \\(insecure\\): "
                                      "Self-signed")))
                 .hasMatch(),
             qPrintable(client.diagnostics()));
    QCOMPARE(client.terminate(), 0);
    const QJsonArray connections = readReport(report).value(QStringLiteral("connections")).toArray();
    QCOMPARE(connections.size(), 1);
    const QJsonArray errors = connections.first()
                                  .toObject()
                                  .value(QStringLiteral("tls"))
                                  .toObject()
                                  .value(QStringLiteral("verify_errors"))
                                  .toArray();
    QVERIFY(!errors.isEmpty());
    QVERIFY(errors.first().toString().contains(QStringLiteral("Self-signed")));
}

void tst_DtlsCli::flagScope_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    const QString cert = QStringLiteral("--cert=%1").arg(m_certPath);
    const QString key = QStringLiteral("--key=%1").arg(m_keyPath);
    const QStringList udp{QStringLiteral("--headless"), QStringLiteral("--mode"),
                          QStringLiteral("udp"), QStringLiteral("--port"), QStringLiteral("0")};
    const QStringList tcp{QStringLiteral("--headless"), QStringLiteral("--mode"),
                          QStringLiteral("tcp-server"), QStringLiteral("--port"),
                          QStringLiteral("0")};
    const QString dtls = QStringLiteral("--dtls");
    QTest::newRow("dtls on tcp") << (tcp + QStringList{dtls, QStringLiteral("--gen-cert")})
                                 << "--dtls applies only to --mode udp";
    QTest::newRow("tls on udp") << (udp + QStringList{QStringLiteral("--tls")})
                                << "use --dtls";
    QTest::newRow("cert without dtls") << (udp + QStringList{cert, key}) << "--cert needs --dtls";
    QTest::newRow("neither server nor client")
        << (udp + QStringList{dtls}) << "A DTLS client needs --remote";
    QTest::newRow("alpn") << (udp + QStringList{dtls, QStringLiteral("--gen-cert"),
                                                QStringLiteral("--alpn=coap")})
                          << "--alpn does not apply to --dtls";
    QTest::newRow("client flag on a server")
        << (udp + QStringList{dtls, QStringLiteral("--gen-cert"), QStringLiteral("--insecure")})
        << "--insecure applies to a DTLS client, not a server";
    QTest::newRow("join") << (udp + QStringList{dtls, QStringLiteral("--gen-cert"),
                                                QStringLiteral("--join=239.1.2.3")})
                          << "--join does not apply to --dtls";
    QTest::newRow("cert without key") << (udp + QStringList{dtls, cert}) << "--cert needs --key";
}

void tst_DtlsCli::flagScope()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    CliProcess app;
    QVERIFY(app.start(args));
    QVERIFY(app.waitForExit());
    QCOMPARE(app.exitCode(), 2);
    QVERIFY2(app.err().contains(says), qPrintable(app.diagnostics()));
}

void tst_DtlsCli::flagsFillSettings()
{
    const QStringList base{QStringLiteral("sockscope"), QStringLiteral("--headless"),
                           QStringLiteral("--mode"),    QStringLiteral("udp"),
                           QStringLiteral("--port"),    QStringLiteral("0"),
                           QStringLiteral("--dtls")};
    // A server: its own certificate; --ca asks clients for one, --require-client-cert insists.
    LaunchParse server = parseLaunchOptions(
        base + QStringList{QStringLiteral("--cert"), m_certPath, QStringLiteral("--key"), m_keyPath,
                           QStringLiteral("--ca"), m_certPath,
                           QStringLiteral("--require-client-cert")});
    QCOMPARE(server.outcome, LaunchParse::Outcome::Ok);
    TlsSettings tls = server.options.endpoint().tls;
    QVERIFY(tls.enabled);
    QVERIFY(!tls.upstream);
    QCOMPARE(tls.certFile, m_certPath);
    QCOMPARE(tls.keyFile, m_keyPath);
    QCOMPARE(tls.caFile, m_certPath);
    QCOMPARE(tls.clientCertificates, TlsSettings::ClientCertificates::Required);
    // A client: --remote, and what it checks and shows.
    LaunchParse client = parseLaunchOptions(
        base + QStringList{QStringLiteral("--remote"), QStringLiteral("127.0.0.1:5684"),
                           QStringLiteral("--insecure"), QStringLiteral("--sni"),
                           QStringLiteral("device.local"), QStringLiteral("--client-cert"),
                           m_certPath, QStringLiteral("--client-key"), m_keyPath});
    QCOMPARE(client.outcome, LaunchParse::Outcome::Ok);
    tls = client.options.endpoint().tls;
    QVERIFY(tls.enabled);
    QVERIFY(tls.certFile.isEmpty() && !tls.generateCertificate); // so DtlsSession is a client
    QVERIFY(tls.insecure);
    QCOMPARE(tls.serverName, QStringLiteral("device.local"));
    QCOMPARE(tls.clientCertFile, m_certPath);
    QCOMPARE(tls.clientKeyFile, m_keyPath);
    QCOMPARE(client.options.endpoint().remotePort, quint16(5684));
    LaunchParse generated = parseLaunchOptions(base + QStringList{QStringLiteral("--gen-cert")});
    QCOMPARE(generated.outcome, LaunchParse::Outcome::Ok);
    QVERIFY(generated.options.endpoint().tls.generateCertificate);
}

QTEST_MAIN(tst_DtlsCli)
#include "tst_dtlscli.moc"
