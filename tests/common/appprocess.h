// The sockscope binary under test (SOCKSCOPE_BINARY) as a child process, its stdout and
// stderr collected while the test's event loop runs.
#pragma once

#include <QEventLoop>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>
#include <QTimer>

namespace sockscope::test {

class AppProcess
{
public:
    AppProcess()
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                         [this] { m_out += m_process.readAllStandardOutput(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                         [this] { m_err += m_process.readAllStandardError(); });
    }
    ~AppProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
    Q_DISABLE_COPY_MOVE(AppProcess)

    QProcess &process() { return m_process; }
    bool running() const { return m_process.state() != QProcess::NotRunning; }

    bool start(const QStringList &args)
    {
        m_process.start(QStringLiteral(SOCKSCOPE_BINARY), args);
        return m_process.waitForStarted(5000);
    }

    // `--headless --mode tcp-server` on 127.0.0.1, any port, plus `extra`; returns the port
    // from its "Listening on" line, 0 if it did not start listening.
    quint16 startHeadlessServer(const QStringList &extra = {})
    {
        const QStringList args{QStringLiteral("--headless"), QStringLiteral("--mode"),
                               QStringLiteral("tcp-server"), QStringLiteral("--bind"),
                               QStringLiteral("127.0.0.1"),  QStringLiteral("--port"),
                               QStringLiteral("0")};
        if (!start(args + extra))
            return 0;
        const QRegularExpressionMatch m = waitForOutput(
            QRegularExpression(QStringLiteral(R"(\*\* - - Listening on 127\.0\.0\.1:(\d+)\n)")),
            10000);
        return m.hasMatch() ? quint16(m.captured(1).toUInt()) : 0;
    }

    // Waits (running the event loop) until stdout matches; returns the match.
    QRegularExpressionMatch waitForOutput(const QRegularExpression &re, int timeoutMs = 5000)
    {
        QRegularExpressionMatch m;
        // The caller checks the match; a timeout just leaves it empty.
        (void)QTest::qWaitFor(
            [&] {
                m = re.match(out());
                return m.hasMatch() || !running();
            },
            timeoutMs);
        if (!m.hasMatch())
            m = re.match(out()); // output read on exit
        return m;
    }

    // Waits (running the event loop, so in-process peers keep working) for exit.
    // An event loop rather than qWaitFor(), which sleeps between passes: peers in the test
    // that move megabytes would be read slower than they are sent.
    bool waitForExit(int timeoutMs = 5000)
    {
        if (running()) {
            QEventLoop loop;
            QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
            QObject::connect(&m_process, &QProcess::finished, &loop, &QEventLoop::quit);
            loop.exec();
        }
        if (running())
            return false;
        m_out += m_process.readAllStandardOutput();
        m_err += m_process.readAllStandardError();
        return true;
    }

    // SIGTERM, then the exit code (-1 if it did not end normally).
    int terminate(int timeoutMs = 5000)
    {
        m_process.terminate();
        if (!waitForExit(timeoutMs))
            return -1;
        return exitCode();
    }

    int exitCode() const
    {
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    QByteArray rawOut() const { return m_out; }
    QString out() const { return QString::fromUtf8(m_out); }
    QString err() const { return QString::fromUtf8(m_err); }
    int count(const QString &needle) const { return out().count(needle); }
    QString diagnostics() const
    {
        return QStringLiteral("stdout: %1\nstderr: %2")
            .arg(QString::fromUtf8(m_out.right(800)), err());
    }

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
};

} // namespace sockscope::test
