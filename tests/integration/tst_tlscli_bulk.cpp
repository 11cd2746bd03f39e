// 100 MiB each way through SockScope's TLS, client and server, byte-exact, against a python3
// ssl peer (tests/peers/tls_peer.py) with certificates made by the openssl command line. Its own
// suite: the one big transfer of the TLS tests, kept apart from tst_tlscli's many small ones.
#include "loopback.h"
#include "reportfile.h"
#include "tlscli.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sockscope::test;

class tst_TlsCliBulk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void bulkExact_data();
    void bulkExact();

private:
    TestCerts m_certs;
    QTemporaryDir m_dir;
};

void tst_TlsCliBulk::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(SOCKSCOPE_BINARY)));
    QVERIFY(m_dir.isValid());
    if (opensslBinary().isEmpty())
        QSKIP("the openssl binary is missing (Debian package openssl; build.sh installs it)");
    QVERIFY2(m_certs.make(), qPrintable(m_certs.error()));
}

void tst_TlsCliBulk::bulkExact_data()
{
    QTest::addColumn<QString>("role"); // SockScope's
    QTest::newRow("TLS server echoes 100 MiB") << QStringLiteral("server");
    QTest::newRow("TLS client echoes 100 MiB") << QStringLiteral("client");
}

// 100 MiB each way through SockScope's TLS: a python ssl peer sends them, SockScope echoes
// (--echo: what it sends is what it received), the peer compares SHA-256. stdout (hex) goes
// to /dev/null; the report counts.
void tst_TlsCliBulk::bulkExact()
{
    QFETCH(QString, role);
    REQUIRE_PYTHON();
    const qint64 size = 100 * 1024 * 1024;
    const QString report = m_dir.filePath(QStringLiteral("bulk-%1.json").arg(role));
    CliProcess cli;
    cli.process().setStandardOutputFile(QProcess::nullDevice());
    PythonPeer peer;
    QString done;
    if (role == QLatin1String("server")) {
        const quint16 port = freeTcpPort();
        QVERIFY(port);
        QVERIFY(cli.start(
            {QStringLiteral("--headless"), QStringLiteral("--mode"), QStringLiteral("tcp-server"),
             QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
             QString::number(port), QStringLiteral("--tls"), QStringLiteral("--cert"),
             m_certs.path("server.pem"), QStringLiteral("--key"), m_certs.path("server.key"),
             QStringLiteral("--encoding"), QStringLiteral("hex"), QStringLiteral("--echo"),
             QStringLiteral("--report"), report}));
        // The server may need a moment to listen: the peer tries again for a while.
        peer.start("tls_peer.py",
                   {QStringLiteral("client"), QString::number(port), QStringLiteral("--ca"),
                    m_certs.path("ca.pem"), QStringLiteral("echo-check"), QString::number(size)});
        done = waitForLine(peer, QStringLiteral("CLIENT "), 100000);
        QVERIFY2(!done.isEmpty(), qPrintable(peer.diagnostics() + cli.diagnostics()));
        QTRY_VERIFY(peer.finished());
        QCOMPARE(cli.terminate(), 0);
    } else {
        peer.start("tls_peer.py",
                   {QStringLiteral("server"), QStringLiteral("--cert"), m_certs.path("server.pem"),
                    QStringLiteral("--key"), m_certs.path("server.key"),
                    QStringLiteral("echo-check"), QString::number(size)});
        const quint16 port = peer.port();
        QVERIFY2(port, qPrintable(peer.diagnostics()));
        QVERIFY(cli.start(
            tlsClientArgs(port, {QStringLiteral("--ca"), m_certs.path("ca.pem"),
                                 QStringLiteral("--encoding"), QStringLiteral("hex"),
                                 QStringLiteral("--echo"), QStringLiteral("--report"), report})));
        done = waitForLine(peer, QStringLiteral("CONN "), 100000, [&] { return !cli.running(); });
        QVERIFY2(!done.isEmpty(), qPrintable(peer.diagnostics() + cli.diagnostics()));
        // The peer closes once it has everything back: the client ends on its own.
        QVERIFY2(cli.waitForExit(15000), qPrintable(cli.diagnostics()));
        QCOMPARE(cli.exitCode(), 0);
    }
    QCOMPARE(field(done, QStringLiteral("got")), QString::number(size));
    QCOMPARE(field(done, QStringLiteral("sha")), field(done, QStringLiteral("sent_sha")));
    const QJsonObject r = readReport(report);
    QCOMPARE(r.value(QStringLiteral("rx_bytes_total")).toInteger(), size);
    QCOMPARE(r.value(QStringLiteral("tx_bytes_total")).toInteger(), size);
    const QJsonArray connections = connectionsOf(r);
    QCOMPARE(connections.size(), 1);
    QCOMPARE(tlsOf(connections.first().toObject()).value(QStringLiteral("protocol")).toString(),
             QStringLiteral("TLSv1.3"));
}

QTEST_GUILESS_MAIN(tst_TlsCliBulk)
#include "tst_tlscli_bulk.moc"
