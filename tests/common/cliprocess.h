// The headless binary under test, its stdout read as record lines, and the arguments that
// make it a TCP client of a listener in the test.
#pragma once

#include "appprocess.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace sockscope::test {

// 2026-01-31T12:34:56.789 RX 127.0.0.1:5555 26 text
inline const QRegularExpression kCliLineRe(
    QStringLiteral(R"(^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}) (RX|TX|C>S|S>C|\*\*) (\S+) (\d+|-) (.*)$)"));

struct CliLine
{
    QString time;
    QString dir; // RX, TX, **; a relay: C>S, S>C
    QString peer;
    QString count;
    QString data;
};

class CliProcess : public AppProcess
{
public:
    // Every stdout line, parsed; a line that does not parse makes the test fail.
    QList<CliLine> lines() const
    {
        QList<CliLine> result;
        const QStringList texts = out().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &text : texts) {
            const QRegularExpressionMatch m = kCliLineRe.match(text);
            if (!m.hasMatch()) {
                qWarning("unparsable stdout line: %s", qPrintable(text));
                result.append(CliLine{{}, QStringLiteral("??"), {}, {}, text});
                continue;
            }
            result.append(CliLine{m.captured(1), m.captured(2), m.captured(3), m.captured(4),
                                  m.captured(5)});
        }
        return result;
    }
    QList<CliLine> lines(const QString &dir) const
    {
        QList<CliLine> result;
        for (const CliLine &l : lines())
            if (l.dir == dir)
                result.append(l);
        return result;
    }
};

// `--headless --mode tcp-client --host 127.0.0.1 --port PORT`
inline QStringList headlessClientArgs(quint16 port)
{
    return {QStringLiteral("--headless"), QStringLiteral("--mode"),    QStringLiteral("tcp-client"),
            QStringLiteral("--host"),     QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
            QString::number(port)};
}

} // namespace sockscope::test
