// The python3 peer scripts in tests/peers (SOCKSCOPE_TEST_PEERS_DIR), run as child processes.
#pragma once

#include <QLatin1String>
#include <QDeadlineTimer>
#include <QProcess>
#include <QTest>
#include <QString>
#include <QStringList>

namespace sockscope::test {

// The full path of a script in tests/peers.
inline QString peerScript(const char *name)
{
    return QStringLiteral(SOCKSCOPE_TEST_PEERS_DIR "/") + QLatin1String(name);
}

// A python3 peer script run as a child process; killed if still running at the end.
// Its stdout is read line by line ("KEY value" lines), its stderr kept for diagnostics.
class PythonPeer
{
public:
    PythonPeer() { m_process.setProcessChannelMode(QProcess::SeparateChannels); }
    ~PythonPeer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
    PythonPeer(const PythonPeer &) = delete;
    PythonPeer &operator=(const PythonPeer &) = delete;

    void start(const char *script, const QStringList &args = {})
    {
        m_process.start(QStringLiteral("python3"), QStringList{peerScript(script)} + args);
    }
    QProcess &process() { return m_process; }
    bool finished() const { return m_process.state() == QProcess::NotRunning; }

    // Reads what arrived so far into lines(); call from QTRY loops.
    const QStringList &lines()
    {
        while (m_process.canReadLine())
            m_lines.append(QString::fromUtf8(m_process.readLine()).trimmed());
        return m_lines;
    }

    // The value after "KEY " on the first line that starts with it, or empty.
    QString value(const QString &key)
    {
        for (const QString &line : lines()) {
            if (line.startsWith(key + u' '))
                return line.mid(key.size() + 1);
        }
        return {};
    }

    // The port a listening peer printed as "PORT <n>", once it has (0 if not within timeoutMs).
    quint16 port(int timeoutMs = 10000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (value(QStringLiteral("PORT")).isEmpty() && !deadline.hasExpired())
            QTest::qWait(10);
        return quint16(value(QStringLiteral("PORT")).toUInt());
    }

    QString diagnostics()
    {
        return QStringLiteral("stdout: %1 stderr: %2")
            .arg(lines().join(u'|'), QString::fromUtf8(m_process.readAllStandardError()));
    }

private:
    QProcess m_process;
    QStringList m_lines;
};

} // namespace sockscope::test
