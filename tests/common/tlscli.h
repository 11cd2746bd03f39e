// What the TLS command-line suites (tst_tlscli*) share: arguments, the report's "tls" objects,
// the lines of the python peers.
#pragma once

#include "cliprocess.h"
#include "pythonpeer.h"
#include "testcerts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <functional>

namespace sockscope::test {

// An argument naming a file of the fixture: "@ca.pem" → its path.
inline QStringList resolved(const QStringList &args, const TestCerts &certs)
{
    QStringList out;
    for (const QString &a : args)
        out << (a.startsWith(u'@') ? certs.path(a.mid(1)) : a);
    return out;
}

inline QStringList tlsClientArgs(quint16 port, const QStringList &extra)
{
    return headlessClientArgs(port) << QStringLiteral("--tls") << extra;
}

// `--headless --mode relay` on 127.0.0.1, any port, towards 127.0.0.1:upstream.
inline QStringList relayArgs(quint16 upstream, const QStringList &extra)
{
    return QStringList{QStringLiteral("--headless"),
                       QStringLiteral("--mode"),
                       QStringLiteral("relay"),
                       QStringLiteral("--bind"),
                       QStringLiteral("127.0.0.1"),
                       QStringLiteral("--port"),
                       QStringLiteral("0"),
                       QStringLiteral("--upstream"),
                       QStringLiteral("127.0.0.1:%1").arg(upstream)} +
           extra;
}

inline quint16 relayPort(CliProcess &cli)
{
    const QRegularExpressionMatch m = cli.waitForOutput(
        QRegularExpression(QStringLiteral(R"(Listening on 127\.0\.0\.1:(\d+); relaying to )")),
        10000);
    return m.hasMatch() ? quint16(m.captured(1).toUInt()) : 0;
}

// The fingerprint a server started with --gen-cert printed: "SHA-256 AB:CD:…".
inline QString printedFingerprint(CliProcess &cli)
{
    const QRegularExpressionMatch m = cli.waitForOutput(
        QRegularExpression(QStringLiteral(R"(SHA-256 ((?:[0-9A-F]{2}:){31}[0-9A-F]{2}))")));
    return m.captured(1);
}

inline QJsonArray connectionsOf(const QJsonObject &report)
{
    return report.value(QStringLiteral("connections")).toArray();
}

inline QJsonObject tlsOf(const QJsonObject &connection)
{
    return connection.value(QStringLiteral("tls")).toObject();
}

inline QStringList verifyErrorsOf(const QJsonObject &tls)
{
    QStringList errors;
    for (const QJsonValue &v : tls.value(QStringLiteral("verify_errors")).toArray())
        errors << v.toString();
    return errors;
}

inline QString text(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Every word, in `haystack`; the first missing one, or empty.
inline QString missingWord(const QString &haystack, const QStringList &words)
{
    for (const QString &w : words)
        if (!haystack.contains(w, Qt::CaseInsensitive))
            return w;
    return {};
}

// The "KEY=value" word of a peer's line.
inline QString field(const QString &line, const QString &key)
{
    for (const QString &w : line.split(u' '))
        if (w.startsWith(key + u'='))
            return w.mid(key.size() + 1);
    return {};
}

// A python peer's first line starting with `prefix`, once it is there (empty if not in time,
// or once the peer has ended, or `giveUp` says so: e.g. SockScope has exited).
inline QString waitForLine(PythonPeer &peer, const QString &prefix, int timeoutMs = 15000,
                           const std::function<bool()> &giveUp = {})
{
    QString found;
    (void)QTest::qWaitFor(
        [&] {
            for (const QString &l : peer.lines())
                if (l.startsWith(prefix)) {
                    found = l;
                    return true;
                }
            return (peer.finished() && !peer.process().canReadLine()) || (giveUp && giveUp());
        },
        timeoutMs);
    return found;
}

inline bool havePython()
{
    return !QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty();
}

} // namespace sockscope::test

#define REQUIRE_PYTHON()                                                                           \
    if (!sockscope::test::havePython())                                                            \
    QSKIP("python3 is missing")
