#include "hugepageheap.h"
#include "ui/appsettings.h"
#include "cli/headlessrunner.h"
#include "ui/inputprobe.h"
#include "ui/languages.h"
#include "cli/launchoptions.h"
#include "ui/mainwindow.h"
#include "cli/signalwatcher.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

// Every log record's timestamp is turned into local time. With TZ unset, glibc checks
// /etc/localtime (a stat() system call) on each conversion: 40 % of the CPU time of a flood
// of small messages. Naming the zone file once makes glibc load it once. A time zone change
// while SockScope runs is then seen at the next start, like most programs.
void pinTimeZone()
{
    if (qEnvironmentVariableIsEmpty("TZ"))
        qputenv("TZ", ":/etc/localtime");
}

// Received data and log records come and go in blocks of up to 256 KiB (ReceiveBuffer) and
// batches of up to a few MiB. By default glibc gives blocks that size straight back to the
// kernel (mmap/munmap, or trimming the top of the heap), so every new one costs a page fault
// per 4 KiB touched: a fifth of the CPU time of a TCP flood. Kept in the heap, a block's next
// use is free; the log store's caps still bound how much is held.
void tuneAllocator()
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 16 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

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
    sockscope::useHugePageHeap(argv);
    tuneAllocator();
    pinTimeZone();
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
    if (sockscope::InputProbe::enabledByEnvironment()) // flood benchmark: key-to-paint times
        app.installEventFilter(new sockscope::InputProbe(&app));
    setIdentity();
    sockscope::installTranslators(app, sockscope::AppSettings().language());
    sockscope::MainWindow window;
    window.applyLaunchOptions(parsed.options);
    // SIGINT/SIGTERM close the window as the user would (settings saved, --report written),
    // without the quit question: nobody may be there to answer it.
    sockscope::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &sockscope::SignalWatcher::terminationRequested, &window,
                     &sockscope::MainWindow::closeWithoutAsking);
    window.show();
    return QApplication::exec();
}
