// Screenshots for people to look at, from GUI tests that also assert what they show.
#pragma once

#include <QDir>
#include <QPixmap>
#include <QString>
#include <QWidget>

namespace sockscope::test {

// Written only when SOCKSCOPE_SCREENSHOT_DIR names a directory: never to a fixed temporary
// path, where parallel runs and other users' files collide. True when not asked, or saved.
inline bool saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SOCKSCOPE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return true;
    return QDir().mkpath(dir) &&
           widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace sockscope::test
