// The headless runner when its stdout does not keep up (a pipe nobody reads, a slow terminal):
// the session stops reading — the sender is held back by TCP flow control — instead of the
// event loop waiting for stdout or memory growing; once stdout drains, every byte comes.

#include "cli/headlessrunner.h"
#include "cli/launchoptions.h"
#include "core/session/session.h"

#include "loopback.h"

#include <QTcpSocket>
#include <QTest>

#include <atomic>
#include <cstdio>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

using namespace sockscope;
using namespace sockscope::test;

class tst_HeadlessStdout : public QObject
{
    Q_OBJECT

private slots:
    void slowStdoutHoldsReading();
};

void tst_HeadlessStdout::slowStdoutHoldsReading()
{
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    FILE *out = fdopen(fds[1], "w");
    QVERIFY(out);
    const LaunchParse parse = parseLaunchOptions(
        {QStringLiteral("sockscope"), QStringLiteral("--headless"), QStringLiteral("--mode"),
         QStringLiteral("tcp-server"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
         QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--encoding"),
         QStringLiteral("hex")});
    QCOMPARE(parse.outcome, LaunchParse::Outcome::Ok);
    constexpr qint64 total = 96 << 20;
    std::atomic<bool> drain{false};
    std::atomic<qint64> drained{0};
    std::thread reader([&] { // reads nothing until told to, then everything to the end
        while (!drain)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        char buf[1 << 16];
        ssize_t n;
        while ((n = ::read(fds[0], buf, sizeof buf)) > 0)
            drained += n;
    });
    {
        HeadlessRunner runner(parse.options, out);
        QVERIFY(runner.start());
        Session *session = runner.session();
        QTRY_COMPARE(session->state(), Session::State::Active);
        QTcpSocket client;
        client.connectToHost(kLoopback, session->boundPort());
        QVERIFY(client.waitForConnected(5000));
        client.write(QByteArray(total, '\x42'));

        // stdout is stuck: reading stops well short of everything, and stays stopped, while
        // this thread's event loop (the runner's) keeps turning.
        QTRY_VERIFY_WITH_TIMEOUT(session->rxBytesTotal() > (16 << 20), 20000);
        qint64 before = -1;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const qint64 now = session->rxBytesTotal();
                const bool still = now == before;
                before = now;
                QTest::qWait(200);
                return still && session->rxBytesTotal() == now;
            }(),
            20000);
        QVERIFY2(session->rxBytesTotal() < total, qPrintable(QString::number(before)));

        drain = true; // stdout drains: reading resumes, every byte arrives
        QTRY_COMPARE_WITH_TIMEOUT(session->rxBytesTotal(), total, 60000);
        runner.finish(HeadlessRunner::ExitOk);
    }
    std::fclose(out); // the reader sees the end
    reader.join();
    QVERIFY(drained > 3 * total); // each byte as two hex digits and a space
}

QTEST_GUILESS_MAIN(tst_HeadlessStdout)
#include "tst_headlessstdout.moc"
