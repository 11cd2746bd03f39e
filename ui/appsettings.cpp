#include "appsettings.h"

namespace sockscope {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kLogRows = QStringLiteral("log/maxRows");
const QString kLogBytes = QStringLiteral("log/maxBytes");
const QString kLanguage = QStringLiteral("ui/language");
const QString kSessions = QStringLiteral("sessions/count");
} // namespace

AppSettings::AppSettings() : m_settings(std::make_unique<QSettings>()) {}

AppSettings::AppSettings(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(kGeometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(kState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(kState, state);
}

LogStore::Limits AppSettings::logLimits() const
{
    LogStore::Limits l;
    l.maxRows = qBound<qsizetype>(
        qsizetype(1000), qsizetype(m_settings->value(kLogRows, qlonglong(l.maxRows)).toLongLong()),
        qsizetype(10000000));
    l.maxBytes = qBound<qint64>(
        qint64(1) << 20, m_settings->value(kLogBytes, l.maxBytes).toLongLong(), qint64(16) << 30);
    return l;
}

void AppSettings::setLogLimits(const LogStore::Limits &limits)
{
    m_settings->setValue(kLogRows, qlonglong(limits.maxRows));
    m_settings->setValue(kLogBytes, limits.maxBytes);
}

QString AppSettings::language() const
{
    return m_settings->value(kLanguage).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings->setValue(kLanguage, language);
}

int AppSettings::sessionCount() const
{
    return m_settings->value(kSessions, -1).toInt();
}

void AppSettings::setSessionCount(int count)
{
    m_settings->setValue(kSessions, count);
}

QString AppSettings::sessionGroup(int index)
{
    return QStringLiteral("sessions/%1").arg(index);
}

} // namespace sockscope
