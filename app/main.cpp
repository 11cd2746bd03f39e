#include "appsettings.h"
#include "headlessrunner.h"
#include "languages.h"
#include "launchoptions.h"
#include "mainwindow.h"
#include "signalwatcher.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

namespace {

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("SockScope"));
    QCoreApplication::setOrganizationName(QStringLiteral("SockScope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOCKSCOPE_VERSION));
}

int runHeadless(int argc, char *argv[], const sockscope::LaunchOptions &options)
{
    QCoreApplication app(argc, argv);
    setIdentity();
    sockscope::installTranslators(app, sockscope::AppSettings().language());
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
    sockscope::installTranslators(app, sockscope::AppSettings().language());
    sockscope::MainWindow window;
    window.applyLaunchOptions(parsed.options);
    window.show();
    return QApplication::exec();
}
