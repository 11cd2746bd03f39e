#include "headlessrunner.h"
#include "launchoptions.h"
#include "mainwindow.h"
#include "signalwatcher.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <cstdio>
#include <memory>

namespace {

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("SockScope"));
    QCoreApplication::setOrganizationName(QStringLiteral("SockScope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOCKSCOPE_VERSION));
}

// Installs SockScope's and Qt's own translations for the chosen language
// (Settings > Language), or the system's when none was chosen.
void installTranslators(QCoreApplication &app)
{
    const QString chosen = QSettings().value(QStringLiteral("ui/language")).toString();
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("sockscope"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

int runHeadless(int argc, char *argv[], const sockscope::LaunchOptions &options)
{
    QCoreApplication app(argc, argv);
    setIdentity();
    installTranslators(app);
    sockscope::HeadlessRunner runner(options);
    sockscope::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &sockscope::SignalWatcher::terminationRequested, &runner,
                     [&runner] { runner.finish(sockscope::HeadlessRunner::ExitOk); });
    QObject::connect(
        &runner, &sockscope::HeadlessRunner::finished, &app,
        [](int code) { QCoreApplication::exit(code); }, Qt::QueuedConnection);
    if (!runner.start())
        return runner.exitCode();
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const sockscope::LaunchParse parsed = sockscope::parseLaunchOptions(arguments);
    switch (parsed.outcome) {
    case sockscope::LaunchParse::Outcome::Error:
        fprintf(stderr, "sockscope: %s\nTry 'sockscope --help'.\n", qPrintable(parsed.message));
        return sockscope::HeadlessRunner::ExitBadArguments;
    case sockscope::LaunchParse::Outcome::Help:
    case sockscope::LaunchParse::Outcome::Version:
        fprintf(stdout, "%s\n", qPrintable(parsed.message));
        return 0;
    case sockscope::LaunchParse::Outcome::Ok:
        break;
    }
    if (parsed.options.headless)
        return runHeadless(argc, argv, parsed.options);

    QApplication app(argc, argv);
    setIdentity();
    installTranslators(app);
    sockscope::MainWindow window;
    window.applyLaunchOptions(parsed.options);
    window.show();
    return QApplication::exec();
}
