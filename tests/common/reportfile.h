// The JSON report a run of the binary wrote (--report FILE).
#pragma once

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace sockscope::test {

// The report's object; empty if the file is missing or not JSON.
inline QJsonObject readReport(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace sockscope::test
