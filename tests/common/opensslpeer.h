// `openssl s_server` and `openssl s_client` (Debian package openssl; nobody here wrote them)
// as TLS peers on 127.0.0.1, run as child processes.
#pragma once

#include "testcerts.h" // opensslBinary()

#include <QProcess>
#include <QTcpServer>
#include <QTest>

namespace sockscope::test {

// A port that was free a moment ago (s_server cannot be told to pick one itself).
inline quint16 freeOpensslPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// What s_server and s_client share: output collected as it comes, stdin kept open (both quit
// at EOF on stdin), stopped at the end.
class OpenSslProcess
{
public:
    OpenSslProcess() = default;
    ~OpenSslProcess() { stop(); }
    Q_DISABLE_COPY_MOVE(OpenSslProcess)

    QProcess &process() { return m_process; }
    bool running() const { return m_process.state() != QProcess::NotRunning; }
    void send(const QByteArray &bytes) { m_process.write(bytes); }
    // EOF on stdin: s_server stops, s_client sends close_notify and quits.
    void closeInput() { m_process.closeWriteChannel(); }

    // Everything it printed on stdout so far.
    QByteArray output()
    {
        m_output += m_process.readAllStandardOutput();
        return m_output;
    }
    QString errors()
    {
        m_errors += m_process.readAllStandardError();
        return QString::fromLocal8Bit(m_errors);
    }
    QString diagnostics()
    {
        return QStringLiteral("openssl stdout: %1\nopenssl stderr: %2")
            .arg(QString::fromLocal8Bit(output().right(3000)), errors());
    }

    void stop()
    {
        if (!running())
            return;
        m_process.closeWriteChannel();
        // Only a connected s_server reads stdin: one still waiting for its client is killed.
        if (!m_process.waitForFinished(500)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

protected:
    void clear()
    {
        m_output.clear();
        m_errors.clear();
    }

    QProcess m_process;
    QByteArray m_output;
    QByteArray m_errors;
};

// `openssl s_server -naccept 1` on 127.0.0.1: prints what it receives, sends what its stdin
// gets. Not -quiet: it says ACCEPT once it listens, and later "CIPHER is …", the SNI it saw
// ("Hostname in TLS extension", with -servername and -cert2) and a client's certificate.
class OpenSslServer : public OpenSslProcess
{
public:
    // Starts it on a free port (another try if that port was taken meanwhile); 0 on failure.
    quint16 start(const QString &certPath, const QString &keyPath, const QStringList &extra = {})
    {
        for (int attempt = 0; attempt < 3; ++attempt) {
            const quint16 port = freeOpensslPort();
            m_process.start(opensslBinary(),
                            QStringList{QStringLiteral("s_server"), QStringLiteral("-naccept"),
                                        QStringLiteral("1"), QStringLiteral("-accept"),
                                        QStringLiteral("127.0.0.1:%1").arg(port),
                                        QStringLiteral("-cert"), certPath, QStringLiteral("-key"),
                                        keyPath} +
                                extra);
            if (QTest::qWaitFor([this] { return output().contains("ACCEPT") || !running(); },
                                5000) &&
                running()) {
                return port;
            }
            m_process.kill();
            m_process.waitForFinished(2000);
            clear();
        }
        return 0;
    }
};

// `openssl s_client -connect 127.0.0.1:PORT -nocommands` (lines from stdin are data, never
// commands). Not -quiet: it prints the server's certificate, "New, TLSv1.3, Cipher is …" and
// "Verify return code: …"; stderr holds the verification lines and errors.
class OpenSslClient : public OpenSslProcess
{
public:
    void start(quint16 port, const QStringList &extra = {})
    {
        m_process.start(opensslBinary(),
                        QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                                    QStringLiteral("127.0.0.1:%1").arg(port),
                                    QStringLiteral("-nocommands")} +
                            extra);
    }

    // Whether the handshake finished (its summary line is out).
    bool connected() { return output().contains("Cipher is "); }

    // The PEM of the server certificate it printed ("Server certificate" section).
    QByteArray serverCertificatePem()
    {
        const QByteArray out = output();
        const QByteArray begin("-----BEGIN CERTIFICATE-----");
        const QByteArray end("-----END CERTIFICATE-----");
        const int from = out.indexOf(begin);
        const int to = from < 0 ? -1 : out.indexOf(end, from);
        return to < 0 ? QByteArray() : out.mid(from, to + end.size() - from) + '\n';
    }

    // Waits for it to quit on its own; false if it is still running after timeoutMs.
    bool waitForExit(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([this] { return !running(); }, timeoutMs);
    }
};

} // namespace sockscope::test
