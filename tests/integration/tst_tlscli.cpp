// TLS on the headless command line as other tools drive it (issue #15's pinned flags), against
// peers nobody here wrote: `openssl s_server` / `openssl s_client` and Python's ssl module, with
// certificates the `openssl` command line makes per run (testcerts.h). Client, server, relay;
// the reasons in words (core/tls/tlserrortext.cpp: key words only) and the report's "tls"
// object. 100 MiB each way: tst_tlscli_bulk.
#include "loopback.h"
#include "opensslpeer.h"
#include "reportfile.h"
#include "require.h"
#include "tlscli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace sockscope::test;

class tst_TlsCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void certificatesAreWhatTheySay_data();
    void certificatesAreWhatTheySay();

    // SockScope as a client of openssl s_server.
    void clientAgainstOpensslServer_data();
    void clientAgainstOpensslServer();
    void clientHandshakeFails_data();
    void clientHandshakeFails();
    void clientWithoutRequiredCertificate_data();
    void clientWithoutRequiredCertificate();
    void clientToPlainServer_data();
    void clientToPlainServer();

    // SockScope as a server of openssl s_client and python3 ssl.
    void serverBothWays_data();
    void serverBothWays();
    void serverClientCertificates_data();
    void serverClientCertificates();
    void encryptedKey_data();
    void encryptedKey();
    void plaintextClientToTlsServer();
    void tlsClientToPlainServer();

    void relay_data();
    void relay();
    void relayBetweenOpensslPeers();

private:
    QString cert(const char *name) const { return m_certs.path(name); }
    // A report file for this test row: PREFIX-<data tag, file-name safe>.json
    QString reportPath(const char *prefix) const
    {
        QString tag = QString::fromUtf8(QTest::currentDataTag());
        tag.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9.]+")), QStringLiteral("-"));
        return m_dir.filePath(QLatin1String(prefix) + u'-' + tag + QStringLiteral(".json"));
    }

    TestCerts m_certs;
    QTemporaryDir m_dir;
};

void tst_TlsCli::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(SOCKSCOPE_BINARY)));
    QVERIFY(m_dir.isValid());
    if (opensslBinary().isEmpty())
        QSKIP("the openssl binary is missing (Debian package openssl; build.sh installs it)");
    QVERIFY2(m_certs.make(), qPrintable(m_certs.error()));
}

// The fixture itself, checked by `openssl verify`: each row's failure below is for the reason
// it names, not for a broken certificate.
void tst_TlsCli::certificatesAreWhatTheySay_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("server") << QStringLiteral("server.pem")
                            << QStringList{QStringLiteral("-verify_ip"),
                                           QStringLiteral("127.0.0.1")}
                            << QStringLiteral("OK");
    QTest::newRow("client") << QStringLiteral("client.pem") << QStringList{}
                            << QStringLiteral("OK");
    QTest::newRow("wrong host") << QStringLiteral("wronghost.pem")
                                << QStringList{QStringLiteral("-verify_hostname"),
                                               QStringLiteral("localhost")}
                                << QStringLiteral("hostname mismatch");
    QTest::newRow("expired") << QStringLiteral("expired.pem") << QStringList{}
                             << QStringLiteral("certificate has expired");
    QTest::newRow("self-signed") << QStringLiteral("selfsigned.pem") << QStringList{}
                                 << QStringLiteral("self-signed certificate");
}

void tst_TlsCli::certificatesAreWhatTheySay()
{
    QFETCH(QString, certificate);
    QFETCH(QStringList, extra);
    QFETCH(QString, verdict);
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(opensslBinary(),
            QStringList{QStringLiteral("verify"), QStringLiteral("-CAfile"), cert("ca.pem")} +
                extra + QStringList{m_certs.path(certificate)});
    QVERIFY(p.waitForFinished(10000));
    const QString said = QString::fromLocal8Bit(p.readAll());
    QVERIFY2(said.contains(verdict), qPrintable(said));
    QVERIFY(m_certs.sha256(certificate)
                .contains(QRegularExpression(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"))));
    QFile key(m_certs.path(QStringLiteral("server-encrypted.key")));
    QVERIFY(key.open(QIODevice::ReadOnly));
    QVERIFY(key.readAll().contains("ENCRYPTED PRIVATE KEY"));
}

// ---------------------------------------------------------------- client vs s_server

void tst_TlsCli::clientAgainstOpensslServer_data()
{
    QTest::addColumn<QString>("serverCert"); // and its key
    QTest::addColumn<QStringList>("serverArgs");
    QTest::addColumn<QStringList>("clientArgs");
    QTest::addColumn<QString>("peerCert"); // whose fingerprint the client reports
    QTest::addColumn<QString>("peerName"); // in peer_subject
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("alpn");            // empty: none agreed
    QTest::addColumn<QStringList>("verifyWords"); // empty: verify_errors must be empty
    QTest::addColumn<QString>("serverSees");

    const QStringList trust{QStringLiteral("--ca"), QStringLiteral("@ca.pem")};
    QTest::newRow("trusted chain (--ca)")
        << QStringLiteral("server") << QStringList{} << trust << QStringLiteral("server.pem")
        << QStringLiteral("localhost") << QStringLiteral("TLSv1.3") << QString() << QStringList{}
        << QString();
    QTest::newRow("self-signed, --insecure")
        << QStringLiteral("selfsigned") << QStringList{}
        << QStringList{QStringLiteral("--insecure")} << QStringLiteral("selfsigned.pem")
        << QStringLiteral("localhost") << QStringLiteral("TLSv1.3") << QString()
        << QStringList{QStringLiteral("self-signed")} << QString();
    QTest::newRow("host name mismatch, --insecure")
        << QStringLiteral("wronghost") << QStringList{}
        << trust + QStringList{QStringLiteral("--insecure")} << QStringLiteral("wronghost.pem")
        << QStringLiteral("example.org") << QStringLiteral("TLSv1.3") << QString()
        << QStringList{QStringLiteral("host name mismatch"), QStringLiteral("example.org")}
        << QString();
    QTest::newRow("expired, --insecure")
        << QStringLiteral("expired") << QStringList{}
        << trust + QStringList{QStringLiteral("--insecure")} << QStringLiteral("expired.pem")
        << QStringLiteral("localhost") << QStringLiteral("TLSv1.3") << QString()
        << QStringList{QStringLiteral("expired")} << QString();
    // s_server answers an SNI of example.org with its second certificate, which names only
    // example.org: the client must both send that name and check the certificate against it.
    QTest::newRow("--sni reaches the server")
        << QStringLiteral("server")
        << QStringList{QStringLiteral("-servername"), QStringLiteral("example.org"),
                       QStringLiteral("-cert2"),      QStringLiteral("@wronghost.pem"),
                       QStringLiteral("-key2"),       QStringLiteral("@wronghost.key")}
        << trust + QStringList{QStringLiteral("--sni"), QStringLiteral("example.org")}
        << QStringLiteral("wronghost.pem") << QStringLiteral("example.org")
        << QStringLiteral("TLSv1.3") << QString() << QStringList{}
        << QStringLiteral("Hostname in TLS extension: \"example.org\"");
    QTest::newRow("TLS 1.2") << QStringLiteral("server") << QStringList{QStringLiteral("-tls1_2")}
                             << trust << QStringLiteral("server.pem") << QStringLiteral("localhost")
                             << QStringLiteral("TLSv1.2") << QString() << QStringList{}
                             << QString();
    QTest::newRow("TLS 1.3") << QStringLiteral("server") << QStringList{QStringLiteral("-tls1_3")}
                             << trust << QStringLiteral("server.pem") << QStringLiteral("localhost")
                             << QStringLiteral("TLSv1.3") << QString() << QStringList{}
                             << QString();
    QTest::newRow("ALPN agreed")
        << QStringLiteral("server") << QStringList{QStringLiteral("-alpn"), QStringLiteral("mqtt")}
        << trust + QStringList{QStringLiteral("--alpn"), QStringLiteral("h2,mqtt")}
        << QStringLiteral("server.pem") << QStringLiteral("localhost") << QStringLiteral("TLSv1.3")
        << QStringLiteral("mqtt") << QStringList{}
        << QStringLiteral("ALPN protocols advertised by the client: h2, mqtt");
    const QStringList requireCert{QStringLiteral("-Verify"), QStringLiteral("1"),
                                  QStringLiteral("-CAfile"), QStringLiteral("@ca.pem"),
                                  QStringLiteral("-verify_return_error")};
    const QStringList showCert{QStringLiteral("--client-cert"), QStringLiteral("@client.pem"),
                               QStringLiteral("--client-key"), QStringLiteral("@client.key")};
    QTest::newRow("mutual TLS 1.3")
        << QStringLiteral("server") << requireCert << trust + showCert
        << QStringLiteral("server.pem") << QStringLiteral("localhost") << QStringLiteral("TLSv1.3")
        << QString() << QStringList{} << QStringLiteral("subject=CN = SockScope test client");
    QTest::newRow("mutual TLS 1.2")
        << QStringLiteral("server") << requireCert + QStringList{QStringLiteral("-tls1_2")}
        << trust + showCert << QStringLiteral("server.pem") << QStringLiteral("localhost")
        << QStringLiteral("TLSv1.2") << QString() << QStringList{}
        << QStringLiteral("subject=CN = SockScope test client");
}

void tst_TlsCli::clientAgainstOpensslServer()
{
    QFETCH(QString, serverCert);
    QFETCH(QStringList, serverArgs);
    QFETCH(QStringList, clientArgs);
    QFETCH(QString, peerCert);
    QFETCH(QString, peerName);
    QFETCH(QString, protocol);
    QFETCH(QString, alpn);
    QFETCH(QStringList, verifyWords);
    QFETCH(QString, serverSees);

    OpenSslServer server;
    const quint16 port = server.start(m_certs.path(serverCert + QStringLiteral(".pem")),
                                      m_certs.path(serverCert + QStringLiteral(".key")),
                                      resolved(serverArgs, m_certs));
    QVERIFY2(port, qPrintable(server.diagnostics()));

    const QString report = reportPath("client");
    CliProcess cli;
    QVERIFY(cli.start(tlsClientArgs(port, resolved(clientArgs, m_certs))
                      << QStringLiteral("--send") << QStringLiteral("hello from sockscope")
                      << QStringLiteral("--linger") << QStringLiteral("10000")
                      << QStringLiteral("--report") << report));
    QTRY_VERIFY2(server.output().contains("hello from sockscope") || !cli.running(),
                 qPrintable(server.diagnostics() + cli.diagnostics()));
    QVERIFY2(cli.running(), qPrintable(cli.diagnostics()));
    server.send("hello from s_server\n");
    QTRY_VERIFY2(cli.out().contains(QLatin1String("hello from s_server")) || !cli.running(),
                 qPrintable(cli.diagnostics()));
    QVERIFY2(cli.out().contains(QLatin1String("hello from s_server")),
             qPrintable(cli.diagnostics()));
    server.closeInput(); // s_server closes the connection: the client ends on its own
    QVERIFY2(cli.waitForExit(10000), qPrintable(cli.diagnostics()));
    QCOMPARE(cli.exitCode(), 0);
    if (!serverSees.isEmpty())
        QVERIFY2(server.output().contains(serverSees.toUtf8()), qPrintable(server.diagnostics()));

    const QJsonArray connections = connectionsOf(readReport(report));
    QCOMPARE(connections.size(), 1);
    const QJsonObject tls = tlsOf(connections.first().toObject());
    QVERIFY2(!tls.isEmpty(), qPrintable(text(connections.first().toObject())));
    QCOMPARE(tls.value(QStringLiteral("protocol")).toString(), protocol);
    // The cipher both agreed on: the name s_server prints.
    const QRegularExpressionMatch cipher = QRegularExpression(QStringLiteral(R"(CIPHER is (\S+))"))
                                               .match(QString::fromLatin1(server.output()));
    QVERIFY2(cipher.hasMatch(), qPrintable(server.diagnostics()));
    QCOMPARE(tls.value(QStringLiteral("cipher")).toString(), cipher.captured(1));
    QCOMPARE(tls.value(QStringLiteral("alpn")).toString(), alpn);
    QCOMPARE(tls.value(QStringLiteral("peer_sha256")).toString(), m_certs.sha256(peerCert));
    QVERIFY2(tls.value(QStringLiteral("peer_subject")).toString().contains(peerName),
             qPrintable(text(tls)));
    const QStringList errors = verifyErrorsOf(tls);
    if (verifyWords.isEmpty()) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    } else {
        const QString missing = missingWord(errors.join(u'\n'), verifyWords);
        QVERIFY2(missing.isEmpty(), qPrintable(missing + QStringLiteral(" not in verify_errors: ") +
                                               errors.join(u'\n')));
        // --insecure logs what it accepted.
        QVERIFY2(missingWord(cli.out(), verifyWords).isEmpty(), qPrintable(cli.out()));
    }
}

void tst_TlsCli::clientHandshakeFails_data()
{
    QTest::addColumn<QString>("serverCert");
    QTest::addColumn<QStringList>("serverArgs");
    QTest::addColumn<QStringList>("clientArgs");
    QTest::addColumn<QStringList>("words");

    const QStringList trust{QStringLiteral("--ca"), QStringLiteral("@ca.pem")};
    QTest::newRow("self-signed, no --ca")
        << QStringLiteral("selfsigned") << QStringList{} << QStringList{}
        << QStringList{QStringLiteral("self-signed")};
    QTest::newRow("self-signed, --ca of another CA")
        << QStringLiteral("selfsigned") << QStringList{} << trust
        << QStringList{QStringLiteral("self-signed")};
    QTest::newRow("issuer not trusted, no --ca")
        << QStringLiteral("server") << QStringList{} << QStringList{}
        << QStringList{QStringLiteral("unknown issuer")};
    QTest::newRow("issuer not trusted, wrong --ca")
        << QStringLiteral("server") << QStringList{}
        << QStringList{QStringLiteral("--ca"), QStringLiteral("@other-ca.pem")}
        << QStringList{QStringLiteral("unknown issuer")};
    QTest::newRow("host name mismatch")
        << QStringLiteral("wronghost") << QStringList{} << trust
        << QStringList{QStringLiteral("host name mismatch"), QStringLiteral("example.org"),
                       QStringLiteral("127.0.0.1")};
    QTest::newRow("--sni names another host")
        << QStringLiteral("server") << QStringList{}
        << trust + QStringList{QStringLiteral("--sni"), QStringLiteral("example.org")}
        << QStringList{QStringLiteral("host name mismatch"), QStringLiteral("example.org"),
                       QStringLiteral("localhost")};
    // s_server refuses a client whose protocols it lacks (alert no_application_protocol).
    QTest::newRow("ALPN, none shared")
        << QStringLiteral("server") << QStringList{QStringLiteral("-alpn"), QStringLiteral("h2")}
        << trust + QStringList{QStringLiteral("--alpn"), QStringLiteral("mqtt")}
        << QStringList{QStringLiteral("No shared application protocol"), QStringLiteral("ALPN")};
    QTest::newRow("expired") << QStringLiteral("expired") << QStringList{} << trust
                             << QStringList{QStringLiteral("expired")};
}

// Verification fails (or s_server refuses): exit 3 before anything is sent, the reason on
// stderr and stdout.
void tst_TlsCli::clientHandshakeFails()
{
    QFETCH(QString, serverCert);
    QFETCH(QStringList, serverArgs);
    QFETCH(QStringList, clientArgs);
    QFETCH(QStringList, words);
    OpenSslServer server;
    const quint16 port = server.start(m_certs.path(serverCert + QStringLiteral(".pem")),
                                      m_certs.path(serverCert + QStringLiteral(".key")),
                                      resolved(serverArgs, m_certs));
    QVERIFY2(port, qPrintable(server.diagnostics()));
    const QString report = reportPath("fails");
    CliProcess cli;
    QVERIFY(cli.start(tlsClientArgs(port, resolved(clientArgs, m_certs))
                      << QStringLiteral("--send") << QStringLiteral("must not be sent")
                      << QStringLiteral("--report") << report));
    QVERIFY2(cli.waitForExit(10000), qPrintable(cli.diagnostics()));
    QCOMPARE(cli.exitCode(), 3);
    QString missing = missingWord(cli.err(), words);
    QVERIFY2(missing.isEmpty(),
             qPrintable(missing + QStringLiteral(" not on stderr: ") + cli.err()));
    missing = missingWord(cli.out(), words);
    QVERIFY2(missing.isEmpty(),
             qPrintable(missing + QStringLiteral(" not on stdout: ") + cli.out()));
    QVERIFY2(cli.lines(QStringLiteral("TX")).isEmpty(), qPrintable(cli.out()));
    QTest::qWait(100);
    QVERIFY2(!server.output().contains("must not be sent"), qPrintable(server.diagnostics()));
    const QJsonObject r = readReport(report);
    QCOMPARE(r.value(QStringLiteral("exit_code")).toInt(-1), 3);
    QCOMPARE(r.value(QStringLiteral("tx_bytes_total")).toInteger(-1), 0);
}

void tst_TlsCli::clientWithoutRequiredCertificate_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("connected"); // the client's side of the handshake finished
    QTest::newRow("TLS 1.3") << QStringLiteral("-tls1_3") << true;
    QTest::newRow("TLS 1.2") << QStringLiteral("-tls1_2") << false;
}

// s_server wants a client certificate and gets none. In TLS 1.3 its refusal (an alert) comes
// after the client's side of the handshake is done; in 1.2 it is a bare handshake_failure.
// Either way the run failed at its start: exit 3, and the words say a certificate was wanted.
void tst_TlsCli::clientWithoutRequiredCertificate()
{
    QFETCH(QString, version);
    QFETCH(bool, connected);
    OpenSslServer server;
    const quint16 port =
        server.start(cert("server.pem"), cert("server.key"),
                     {QStringLiteral("-Verify"), QStringLiteral("1"), QStringLiteral("-CAfile"),
                      cert("ca.pem"), QStringLiteral("-verify_return_error"), version});
    QVERIFY2(port, qPrintable(server.diagnostics()));
    const QString report = reportPath("nocert");
    CliProcess cli;
    QVERIFY(cli.start(tlsClientArgs(port, {QStringLiteral("--ca"), cert("ca.pem")})
                      << QStringLiteral("--send") << QStringLiteral("hello")
                      << QStringLiteral("--linger") << QStringLiteral("3000")
                      << QStringLiteral("--report") << report));
    QVERIFY2(cli.waitForExit(10000), qPrintable(cli.diagnostics()));
    QVERIFY2(cli.exitCode() == 3, qPrintable(cli.diagnostics()));
    QTRY_VERIFY2(server.output().contains("peer did not return a certificate") ||
                     server.errors().contains(QLatin1String("peer did not return a certificate")),
                 qPrintable(server.diagnostics()));
    QVERIFY2(cli.err().contains(QLatin1String("certificate"), Qt::CaseInsensitive),
             qPrintable(cli.err()));
    QVERIFY2(cli.out().contains(QLatin1String("certificate"), Qt::CaseInsensitive),
             qPrintable(cli.out()));
    // TLS 1.3: a connection that was refused after the handshake closes as tls-failed.
    const QJsonArray connections = connectionsOf(readReport(report));
    QCOMPARE(connections.size(), connected ? 1 : 0);
    if (connected)
        QCOMPARE(connections.first().toObject().value(QStringLiteral("close_reason")).toString(),
                 QStringLiteral("tls-failed"));
}

void tst_TlsCli::clientToPlainServer_data()
{
    QTest::addColumn<QStringList>("serverMode");
    QTest::addColumn<QStringList>("words");
    // A plain server that greets first (FTP, SMTP): its first bytes are not a TLS record.
    QTest::newRow("plain server greets")
        << QStringList{QStringLiteral("greet"), QStringLiteral("220 plain service ready\r\n")}
        << QStringList{QStringLiteral("does not speak TLS")};
    // A plain server that reads the ClientHello and hangs up.
    QTest::newRow("plain server hangs up")
        << QStringList{QStringLiteral("hangup")}
        << QStringList{QStringLiteral("without answering"), QStringLiteral("does not speak TLS")};
}

void tst_TlsCli::clientToPlainServer()
{
    QFETCH(QStringList, serverMode);
    QFETCH(QStringList, words);
    REQUIRE_PYTHON();
    PythonPeer server;
    server.start("tls_peer.py",
                 QStringList{QStringLiteral("server"), QStringLiteral("--plain")} + serverMode);
    const quint16 port = server.port();
    QVERIFY2(port, qPrintable(server.diagnostics()));
    CliProcess cli;
    QVERIFY(cli.start(tlsClientArgs(port, {QStringLiteral("--ca"), cert("ca.pem")})
                      << QStringLiteral("--send") << QStringLiteral("must not be sent")));
    QVERIFY2(cli.waitForExit(10000), qPrintable(cli.diagnostics()));
    QCOMPARE(cli.exitCode(), 3);
    QString missing = missingWord(cli.err(), words);
    QVERIFY2(missing.isEmpty(),
             qPrintable(missing + QStringLiteral(" not on stderr: ") + cli.err()));
    missing = missingWord(cli.out(), words);
    QVERIFY2(missing.isEmpty(),
             qPrintable(missing + QStringLiteral(" not on stdout: ") + cli.out()));
    QVERIFY(cli.lines(QStringLiteral("TX")).isEmpty());
}

// ---------------------------------------------------------------- server vs s_client, python

void tst_TlsCli::serverBothWays_data()
{
    QTest::addColumn<bool>("generate");
    QTest::addColumn<QString>("peer");
    QTest::newRow("--cert/--key, s_client") << false << QStringLiteral("s_client");
    QTest::newRow("--gen-cert, s_client") << true << QStringLiteral("s_client");
    QTest::newRow("--cert/--key, python ssl") << false << QStringLiteral("python");
    QTest::newRow("--gen-cert, python ssl") << true << QStringLiteral("python");
}

// Bytes both ways (the server echoes), and the certificate the client saw is the one the
// server named: ours (--cert) or the throwaway one whose fingerprint it printed (--gen-cert).
void tst_TlsCli::serverBothWays()
{
    QFETCH(bool, generate);
    QFETCH(QString, peer);
    if (peer == QLatin1String("python") && !havePython())
        QSKIP("python3 is missing");
    const QString report = reportPath("server");
    const QStringList certArgs = generate
                                     ? QStringList{QStringLiteral("--gen-cert")}
                                     : QStringList{QStringLiteral("--cert"), cert("server.pem"),
                                                   QStringLiteral("--key"), cert("server.key")};
    CliProcess cli;
    const quint16 port = cli.startHeadlessServer(
        QStringList{QStringLiteral("--tls")} + certArgs +
        QStringList{QStringLiteral("--echo"), QStringLiteral("--report"), report});
    QVERIFY2(port, qPrintable(cli.diagnostics()));
    const QString expected = generate ? printedFingerprint(cli) : m_certs.sha256("server.pem");
    QVERIFY2(!expected.isEmpty(), qPrintable(cli.diagnostics()));

    QString seen;
    if (peer == QLatin1String("s_client")) {
        OpenSslClient client;
        client.start(port, generate ? QStringList{}
                                    : QStringList{QStringLiteral("-CAfile"), cert("ca.pem"),
                                                  QStringLiteral("-verify_return_error"),
                                                  QStringLiteral("-servername"),
                                                  QStringLiteral("localhost")});
        QTRY_VERIFY2(client.connected() || !client.running(), qPrintable(client.diagnostics()));
        client.send("hello over tls\n");
        QTRY_VERIFY2(client.output().contains("hello over tls\n"),
                     qPrintable(client.diagnostics()));
        seen = m_certs.fingerprintOfPem(client.serverCertificatePem());
        client.closeInput();
        QVERIFY(client.waitForExit());
    } else {
        PythonPeer client;
        client.start("tls_peer.py",
                     {QStringLiteral("client"), QString::number(port),
                      generate ? QStringLiteral("--insecure") : QStringLiteral("--ca"),
                      generate ? QStringLiteral("--servername=localhost") : cert("ca.pem"),
                      QStringLiteral("echo-check"), QStringLiteral("200000")});
        const QString done = waitForLine(client, QStringLiteral("CLIENT "));
        QVERIFY2(!done.isEmpty(), qPrintable(client.diagnostics()));
        QCOMPARE(field(done, QStringLiteral("got")), QStringLiteral("200000"));
        QCOMPARE(field(done, QStringLiteral("sha")), field(done, QStringLiteral("sent_sha")));
        seen = field(waitForLine(client, QStringLiteral("TLS ")), QStringLiteral("peer_sha256"));
    }
    QCOMPARE(seen, expected);
    QTRY_VERIFY2(cli.out().contains(QLatin1String("Disconnected")), qPrintable(cli.out()));
    QCOMPARE(cli.terminate(), 0);

    const QJsonArray connections = connectionsOf(readReport(report));
    QCOMPARE(connections.size(), 1);
    const QJsonObject tls = tlsOf(connections.first().toObject());
    QCOMPARE(tls.value(QStringLiteral("protocol")).toString(), QStringLiteral("TLSv1.3"));
    QVERIFY2(!tls.value(QStringLiteral("cipher")).toString().isEmpty(), qPrintable(text(tls)));
    // No client certificate was asked for nor shown.
    QVERIFY2(tls.value(QStringLiteral("peer_sha256")).toString().isEmpty(), qPrintable(text(tls)));
    QVERIFY2(verifyErrorsOf(tls).isEmpty(), qPrintable(text(tls)));
}

void tst_TlsCli::serverClientCertificates_data()
{
    QTest::addColumn<bool>("required");
    QTest::addColumn<QString>("clientCert"); // empty: none
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QStringList>("serverWords"); // a refused client: in the server's log
    QTest::newRow("required, shown") << true << QStringLiteral("client") << true << QStringList{};
    QTest::newRow("required, none shown")
        << true << QString() << false << QStringList{QStringLiteral("certificate")};
    QTest::newRow("required, self-signed one shown")
        << true << QStringLiteral("selfsigned") << false
        << QStringList{QStringLiteral("self-signed")};
    QTest::newRow("optional, shown") << false << QStringLiteral("client") << true << QStringList{};
    QTest::newRow("optional, none shown") << false << QString() << true << QStringList{};
}

// --ca on a server verifies client certificates; --require-client-cert refuses a client
// without a good one. A refused client does not stop the server: the next one is served.
void tst_TlsCli::serverClientCertificates()
{
    QFETCH(bool, required);
    QFETCH(QString, clientCert);
    QFETCH(bool, accepted);
    QFETCH(QStringList, serverWords);
    REQUIRE_PYTHON();
    const QString report = reportPath("mtls");
    QStringList args{QStringLiteral("--tls"),
                     QStringLiteral("--cert"),
                     cert("server.pem"),
                     QStringLiteral("--key"),
                     cert("server.key"),
                     QStringLiteral("--ca"),
                     cert("ca.pem"),
                     QStringLiteral("--echo"),
                     QStringLiteral("--report"),
                     report};
    if (required)
        args << QStringLiteral("--require-client-cert");
    CliProcess cli;
    const quint16 port = cli.startHeadlessServer(args);
    QVERIFY2(port, qPrintable(cli.diagnostics()));

    const auto run = [&](const QString &certName, PythonPeer &client) {
        QStringList a{QStringLiteral("client"), QString::number(port), QStringLiteral("--ca"),
                      cert("ca.pem")};
        if (!certName.isEmpty())
            a << QStringLiteral("--cert") << m_certs.path(certName + QStringLiteral(".pem"))
              << QStringLiteral("--key") << m_certs.path(certName + QStringLiteral(".key"));
        client.start("tls_peer.py", a << QStringLiteral("echo-check") << QStringLiteral("1000"));
        QTRY_VERIFY_WITH_TIMEOUT(client.finished(), 15000);
    };
    PythonPeer first;
    SOCKSCOPE_REQUIRE(run(clientCert, first));
    const QString done = first.value(QStringLiteral("CLIENT"));
    if (accepted) {
        QVERIFY2(!done.isEmpty() &&
                     field(done, QStringLiteral("sha")) == field(done, QStringLiteral("sent_sha")),
                 qPrintable(first.diagnostics() + cli.diagnostics()));
    } else {
        QVERIFY2(done.isEmpty() || field(done, QStringLiteral("got")) != QLatin1String("1000"),
                 qPrintable(first.diagnostics()));
        QTRY_VERIFY2(missingWord(cli.out(), serverWords).isEmpty(), qPrintable(cli.out()));
        QVERIFY(cli.running());
        // The next client, with a good certificate, is served.
        PythonPeer second;
        SOCKSCOPE_REQUIRE(run(QStringLiteral("client"), second));
        const QString ok = second.value(QStringLiteral("CLIENT"));
        QCOMPARE(field(ok, QStringLiteral("sha")), field(ok, QStringLiteral("sent_sha")));
    }
    // The last client (served) has gone: its close is in the log before the report.
    QTRY_VERIFY2(cli.out().contains(QLatin1String("Disconnected")), qPrintable(cli.out()));
    QCOMPARE(cli.terminate(), 0);

    // A refused handshake never made a peer: the report lists the client that was served.
    const QJsonArray connections = connectionsOf(readReport(report));
    QCOMPARE(connections.size(), 1);
    const QJsonObject served = connections.first().toObject();
    const QJsonObject tls = tlsOf(served);
    QVERIFY2(!tls.isEmpty(), qPrintable(text(served)));
    const bool shown = accepted ? !clientCert.isEmpty() : true;
    QCOMPARE(tls.value(QStringLiteral("peer_sha256")).toString(),
             shown ? m_certs.sha256("client.pem") : QString());
    if (shown)
        QVERIFY2(tls.value(QStringLiteral("peer_subject"))
                     .toString()
                     .contains(QLatin1String("SockScope test client")),
                 qPrintable(text(tls)));
}

void tst_TlsCli::encryptedKey_data()
{
    QTest::addColumn<QByteArray>("passphrase"); // in SOCKSCOPE_KEY_PASSPHRASE; null: unset
    QTest::addColumn<int>("exitCode");          // -1: it runs and serves
    QTest::addColumn<QString>("mentions");
    QTest::newRow("right passphrase") << QByteArray(TestCerts::kKeyPassphrase) << -1 << QString();
    QTest::newRow("no passphrase")
        << QByteArray() << 2 << QStringLiteral("SOCKSCOPE_KEY_PASSPHRASE");
    QTest::newRow("wrong passphrase")
        << QByteArray("wrong horse") << 3 << QStringLiteral("server-encrypted.key");
}

// An encrypted key opens with SOCKSCOPE_KEY_PASSPHRASE (the README's contract), and the
// passphrase shows nowhere.
void tst_TlsCli::encryptedKey()
{
    QFETCH(QByteArray, passphrase);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    CliProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SOCKSCOPE_KEY_PASSPHRASE"));
    if (!passphrase.isNull())
        env.insert(QStringLiteral("SOCKSCOPE_KEY_PASSPHRASE"), QString::fromUtf8(passphrase));
    cli.process().setProcessEnvironment(env);
    const QStringList args{QStringLiteral("--tls"),      QStringLiteral("--cert"),
                           cert("server.pem"),           QStringLiteral("--key"),
                           cert("server-encrypted.key"), QStringLiteral("--echo")};
    if (exitCode >= 0) {
        QVERIFY(cli.start(QStringList{QStringLiteral("--headless"), QStringLiteral("--mode"),
                                      QStringLiteral("tcp-server"), QStringLiteral("--bind"),
                                      QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                                      QStringLiteral("0")} +
                          args));
        QVERIFY2(cli.waitForExit(10000), "still running with a key it cannot open");
        QCOMPARE(cli.exitCode(), exitCode);
        QVERIFY2(cli.err().contains(mentions), qPrintable(cli.err()));
        QVERIFY2(!cli.out().contains(QLatin1String("Listening")), qPrintable(cli.out()));
    } else {
        const quint16 port = cli.startHeadlessServer(args);
        QVERIFY2(port, qPrintable(cli.diagnostics()));
        if (havePython()) {
            PythonPeer client;
            client.start("tls_peer.py",
                         {QStringLiteral("client"), QString::number(port), QStringLiteral("--ca"),
                          cert("ca.pem"), QStringLiteral("echo-check"), QStringLiteral("1000")});
            const QString done = waitForLine(client, QStringLiteral("CLIENT "));
            QVERIFY2(!done.isEmpty(), qPrintable(client.diagnostics()));
            QCOMPARE(field(done, QStringLiteral("sha")), field(done, QStringLiteral("sent_sha")));
        }
        QCOMPARE(cli.terminate(), 0);
    }
    if (!passphrase.isEmpty()) {
        QVERIFY(!cli.rawOut().contains(passphrase));
        QVERIFY(!cli.err().toUtf8().contains(passphrase));
    }
}

// Plaintext to a TLS server: the log says so, the server keeps running and serves the next
// (TLS) client.
void tst_TlsCli::plaintextClientToTlsServer()
{
    REQUIRE_PYTHON();
    const QString report = m_dir.filePath(QStringLiteral("plain-to-tls.json"));
    CliProcess cli;
    const quint16 port =
        cli.startHeadlessServer({QStringLiteral("--tls"), QStringLiteral("--gen-cert"),
                                 QStringLiteral("--echo"), QStringLiteral("--report"), report});
    QVERIFY2(port, qPrintable(cli.diagnostics()));
    PythonPeer plain;
    plain.start("tls_peer.py",
                {QStringLiteral("client"), QString::number(port), QStringLiteral("--plain"),
                 QStringLiteral("say"), QStringLiteral("GET / HTTP/1.0\r\n\r\n")});
    QTRY_VERIFY_WITH_TIMEOUT(plain.finished(), 15000);
    QVERIFY2(plain.lines().contains(QStringLiteral("EOF")) ||
                 plain.lines().contains(QStringLiteral("RESET")),
             qPrintable(plain.diagnostics())); // the server hung up, it did not wait
    QTRY_VERIFY2(cli.out().contains(QLatin1String("does not speak TLS")), qPrintable(cli.out()));
    QVERIFY(cli.running());

    PythonPeer tls;
    tls.start("tls_peer.py",
              {QStringLiteral("client"), QString::number(port), QStringLiteral("--insecure"),
               QStringLiteral("echo-check"), QStringLiteral("5000")});
    const QString done = waitForLine(tls, QStringLiteral("CLIENT "));
    QVERIFY2(!done.isEmpty(), qPrintable(tls.diagnostics()));
    QCOMPARE(field(done, QStringLiteral("sha")), field(done, QStringLiteral("sent_sha")));
    QCOMPARE(cli.terminate(), 0);
    // The plaintext client never became a peer: the report lists the TLS one only.
    const QJsonArray connections = connectionsOf(readReport(report));
    QCOMPARE(connections.size(), 1);
    QCOMPARE(tlsOf(connections.at(0).toObject()).value(QStringLiteral("protocol")).toString(),
             QStringLiteral("TLSv1.3"));
    QCOMPARE(connections.at(0).toObject().value(QStringLiteral("rx_bytes")).toInteger(), 5000);
}

// s_client to a plain SockScope server: the server names what arrived (a TLS handshake on a
// plain port) and keeps serving.
void tst_TlsCli::tlsClientToPlainServer()
{
    CliProcess cli;
    const quint16 port =
        cli.startHeadlessServer({QStringLiteral("--encoding"), QStringLiteral("hex")});
    QVERIFY2(port, qPrintable(cli.diagnostics()));
    OpenSslClient client;
    client.start(port, {QStringLiteral("-servername"), QStringLiteral("localhost")});
    // The ClientHello arrives as data (a TLS handshake record: 16 03 …).
    QTRY_VERIFY2(cli.lines(QStringLiteral("RX")).size() >= 1, qPrintable(cli.diagnostics()));
    QVERIFY(cli.lines(QStringLiteral("RX")).first().data.startsWith(QLatin1String("16 03")));
    QTRY_VERIFY2(cli.out().contains(QLatin1String("TLS")), qPrintable(cli.out()));
    client.stop();
    QTcpSocket plain;
    plain.connectToHost(kLoopback, port);
    QTRY_COMPARE(plain.state(), QAbstractSocket::ConnectedState);
    plain.write("plain again");
    QTRY_VERIFY2(cli.out().contains(QLatin1String(QByteArray("plain again").toHex(' ')),
                                    Qt::CaseInsensitive),
                 qPrintable(cli.out()));
    QCOMPARE(cli.terminate(), 0);
}

// ---------------------------------------------------------------- relay

void tst_TlsCli::relay_data()
{
    QTest::addColumn<QStringList>("relayOptions");
    QTest::addColumn<QStringList>("clientArgs"); // python tls_peer.py client options
    QTest::addColumn<QStringList>("serverArgs"); // python tls_peer.py server options
    QTest::addColumn<QStringList>("upstreamVerifyWords");

    const QStringList listen{QStringLiteral("--tls-listen"), QStringLiteral("--cert"),
                             QStringLiteral("@server.pem"), QStringLiteral("--key"),
                             QStringLiteral("@server.key")};
    const QStringList upstream{QStringLiteral("--tls-upstream"), QStringLiteral("--ca"),
                               QStringLiteral("@ca.pem")};
    const QStringList tlsClient{QStringLiteral("--ca"), QStringLiteral("@ca.pem")};
    const QStringList plain{QStringLiteral("--plain")};
    const QStringList tlsServer{QStringLiteral("--cert"), QStringLiteral("@server.pem"),
                                QStringLiteral("--key"), QStringLiteral("@server.key")};
    QTest::newRow("--tls-listen only") << listen << tlsClient << plain << QStringList{};
    QTest::newRow("--tls-upstream only") << upstream << plain << tlsServer << QStringList{};
    QTest::newRow("both") << listen + upstream << tlsClient << tlsServer << QStringList{};
    QTest::newRow("both, --gen-cert and --insecure upstream")
        << QStringList{QStringLiteral("--tls-listen"), QStringLiteral("--gen-cert"),
                       QStringLiteral("--tls-upstream"), QStringLiteral("--insecure")}
        << QStringList{QStringLiteral("--insecure")}
        << QStringList{QStringLiteral("--cert"), QStringLiteral("@selfsigned.pem"),
                       QStringLiteral("--key"), QStringLiteral("@selfsigned.key")}
        << QStringList{QStringLiteral("self-signed")};
}

// A python client and a python server (TLS or plain, per row) through the relay, 1 MiB each
// way at once, both exact; the report names each side's TLS.
void tst_TlsCli::relay()
{
    QFETCH(QStringList, relayOptions);
    QFETCH(QStringList, clientArgs);
    QFETCH(QStringList, serverArgs);
    QFETCH(QStringList, upstreamVerifyWords);
    REQUIRE_PYTHON();
    const int bytes = 1024 * 1024;
    PythonPeer server;
    server.start("tls_peer.py",
                 QStringList{QStringLiteral("server")} + resolved(serverArgs, m_certs) +
                     QStringList{QStringLiteral("exchange"), QString::number(bytes)});
    const quint16 up = server.port();
    QVERIFY2(up, qPrintable(server.diagnostics()));
    const QString report = reportPath("relay");
    CliProcess cli;
    QVERIFY(cli.start(relayArgs(up, resolved(relayOptions, m_certs))
                      << QStringLiteral("--encoding") << QStringLiteral("hex")
                      << QStringLiteral("--report") << report));
    const quint16 port = relayPort(cli);
    QVERIFY2(port, qPrintable(cli.diagnostics()));

    PythonPeer client;
    client.start("tls_peer.py",
                 QStringList{QStringLiteral("client"), QString::number(port)} +
                     resolved(clientArgs, m_certs) +
                     QStringList{QStringLiteral("exchange"), QString::number(bytes)});
    const QString c =
        waitForLine(client, QStringLiteral("CLIENT "), 30000, [&] { return !cli.running(); });
    QVERIFY2(!c.isEmpty(), qPrintable(client.diagnostics() + cli.diagnostics()));
    const QString s = waitForLine(server, QStringLiteral("CONN "), 30000);
    QVERIFY2(!s.isEmpty(), qPrintable(server.diagnostics()));
    QCOMPARE(field(c, QStringLiteral("got")), QString::number(bytes));
    QCOMPARE(field(s, QStringLiteral("got")), QString::number(bytes));
    QCOMPARE(field(c, QStringLiteral("sha")), field(s, QStringLiteral("sent_sha")));
    QCOMPARE(field(s, QStringLiteral("sha")), field(c, QStringLiteral("sent_sha")));
    QTRY_VERIFY2(cli.out().contains(QLatin1String("Client side closed")) &&
                     cli.out().contains(QLatin1String("Server side closed")),
                 qPrintable(cli.diagnostics()));
    QCOMPARE(cli.terminate(), 0);

    const QJsonObject r = readReport(report);
    QCOMPARE(r.value(QStringLiteral("c2s_bytes_total")).toInteger(), bytes);
    QCOMPARE(r.value(QStringLiteral("s2c_bytes_total")).toInteger(), bytes);
    const QJsonArray connections = connectionsOf(r);
    QCOMPARE(connections.size(), 1);
    const QJsonObject pair = connections.first().toObject();
    const bool clientTls = relayOptions.contains(QStringLiteral("--tls-listen"));
    const bool upstreamTls = relayOptions.contains(QStringLiteral("--tls-upstream"));
    const QJsonObject clientSide = tlsOf(pair);
    const QJsonObject upstreamSide = pair.value(QStringLiteral("upstream_tls")).toObject();
    QCOMPARE(clientSide.value(QStringLiteral("protocol")).toString(),
             clientTls ? QStringLiteral("TLSv1.3") : QString());
    QCOMPARE(upstreamSide.value(QStringLiteral("protocol")).toString(),
             upstreamTls ? QStringLiteral("TLSv1.3") : QString());
    if (upstreamTls) {
        const QString expected = m_certs.sha256(
            relayOptions.contains(QStringLiteral("--insecure")) ? "selfsigned.pem" : "server.pem");
        QCOMPARE(upstreamSide.value(QStringLiteral("peer_sha256")).toString(), expected);
        const QString errors = verifyErrorsOf(upstreamSide).join(u'\n');
        if (upstreamVerifyWords.isEmpty())
            QVERIFY2(errors.isEmpty(), qPrintable(errors));
        else
            QVERIFY2(missingWord(errors, upstreamVerifyWords).isEmpty(), qPrintable(errors));
    }
}

// s_client → relay (TLS both sides) → s_server: lines both ways, in the relay's log decrypted.
void tst_TlsCli::relayBetweenOpensslPeers()
{
    OpenSslServer server;
    const quint16 up = server.start(cert("server.pem"), cert("server.key"));
    QVERIFY2(up, qPrintable(server.diagnostics()));
    CliProcess cli;
    QVERIFY(cli.start(
        relayArgs(up, {QStringLiteral("--tls-listen"), QStringLiteral("--cert"), cert("server.pem"),
                       QStringLiteral("--key"), cert("server.key"),
                       QStringLiteral("--tls-upstream"), QStringLiteral("--ca"), cert("ca.pem")})));
    const quint16 port = relayPort(cli);
    QVERIFY2(port, qPrintable(cli.diagnostics()));
    OpenSslClient client;
    client.start(port,
                 {QStringLiteral("-CAfile"), cert("ca.pem"), QStringLiteral("-verify_return_error"),
                  QStringLiteral("-servername"), QStringLiteral("localhost")});
    QTRY_VERIFY2(client.connected() || !client.running(), qPrintable(client.diagnostics()));
    QVERIFY2(client.output().contains("Verify return code: 0 (ok)"),
             qPrintable(client.diagnostics()));
    client.send("from s_client\n");
    QTRY_VERIFY2(server.output().contains("from s_client\n"),
                 qPrintable(server.diagnostics() + cli.diagnostics()));
    server.send("from s_server\n");
    QTRY_VERIFY2(client.output().contains("from s_server\n"), qPrintable(client.diagnostics()));
    QTRY_VERIFY(!cli.lines(QStringLiteral("S>C")).isEmpty());
    QVERIFY2(cli.lines(QStringLiteral("C>S")).first().data.contains(QLatin1String("from s_client")),
             qPrintable(cli.out()));
    QVERIFY2(cli.lines(QStringLiteral("S>C")).first().data.contains(QLatin1String("from s_server")),
             qPrintable(cli.out()));
    client.closeInput();
    QVERIFY(client.waitForExit());
    QTRY_VERIFY2(cli.out().contains(QLatin1String("Server side closed")), qPrintable(cli.out()));
    QCOMPARE(cli.terminate(), 0);
}

QTEST_GUILESS_MAIN(tst_TlsCli)
#include "tst_tlscli.moc"
