#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace sockscope {

// Installs Qt's own and SockScope's translations (embedded under :/i18n) for
// the chosen language ("zh_CN", "en"), or for the system locale when none is
// chosen. Returns the locale used; it also becomes QLocale's default.
QLocale installTranslators(QCoreApplication &app, const QString &chosenLanguage);

} // namespace sockscope
