#pragma once

#include "core/log/logstore.h"

#include <QByteArray>
#include <QSettings>
#include <QString>

#include <memory>

namespace sockscope {

// The application's settings in one typed place (QSettings underneath, in
// the platform's usual location). Session tabs keep their own state in
// groups handed out by sessionGroup().
class AppSettings
{
public:
    AppSettings();
    explicit AppSettings(const QString &iniPath); // tests: an explicit file

    QSettings &raw() { return *m_settings; }

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    LogStore::Limits logLimits() const;
    void setLogLimits(const LogStore::Limits &limits);

    QString language() const; // "" = follow the system
    void setLanguage(const QString &language);

    int sessionCount() const;
    void setSessionCount(int count);
    static QString sessionGroup(int index); // "sessions/3"

    void sync() { m_settings->sync(); }

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace sockscope
