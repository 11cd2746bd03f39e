// The port-owner lookup runs off the calling thread: a slow /proc (4,000 processes, 190,000
// descriptors) must not hold the window's event loop, and the "port in use" error names the
// owner when the answer arrives.

#include "core/net/portowner.h"
#include "core/transport/tcpserversession.h"
#include "core/transport/udpsession.h"

#include "loopback.h"
#include "portholder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <sys/stat.h>

using namespace sockscope;
using namespace sockscope::test;

class tst_PortOwnerAsync : public QObject
{
    Q_OBJECT

private slots:
    void lookupDoesNotHoldTheEventLoop();
    void lookupAnswerDroppedWithItsContext();
    void udpPortInUseNamedWhenKnown();
    void tcpPortInUseNamedWhenKnown();
    void restartDiscardsALateAnswer();
};

// A fake /proc whose net/udp is a FIFO: the lookup blocks reading it until the test writes the
// table, so "the event loop ran while the lookup was busy" is shown, not timed.
void tst_PortOwnerAsync::lookupDoesNotHoldTheEventLoop()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QDir dir(root.path());
    QVERIFY(dir.mkpath(QStringLiteral("net")) && dir.mkpath(QStringLiteral("100/fd")));
    const QString table = root.filePath(QStringLiteral("net/udp"));
    QCOMPARE(::mkfifo(QFile::encodeName(table).constData(), 0600), 0);
    QVERIFY(
        QFile::link(QStringLiteral("socket:[4242]"), root.filePath(QStringLiteral("100/fd/3"))));
    QFile comm(root.filePath(QStringLiteral("100/comm")));
    QVERIFY(comm.open(QIODevice::WriteOnly));
    comm.write("fake-daemon\n");
    comm.close();

    QObject context;
    bool answered = false;
    PortOwner owner;
    QThread *answeredOn = nullptr;
    PortOwnerLookup(root.path())
        .findAsync(PortProtocol::Udp, 8081, kLoopback, &context, [&](const PortOwner &o) {
            answered = true;
            owner = o;
            answeredOn = QThread::currentThread();
        });
    bool ticked = false;
    QTimer::singleShot(0, &context, [&] { ticked = true; });
    QTRY_VERIFY(ticked); // the loop runs while the lookup waits for net/udp
    QVERIFY(!answered);

    QFile writer(table); // opening completes once the lookup has the FIFO open for reading
    QVERIFY(writer.open(QIODevice::WriteOnly));
    writer.write("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
                 "   uid  timeout inode\n"
                 "   0: 0100007F:1F91 00000000:0000 07 00000000:00000000 00:00000000 00000000"
                 "  1000        0 4242 2 0000000000000000 0\n");
    writer.close();
    QTRY_VERIFY(answered);
    QCOMPARE(answeredOn, QCoreApplication::instance()->thread());
    QVERIFY(owner.found);
    QCOMPARE(owner.pid, qint64(100));
    QCOMPARE(owner.processName, QStringLiteral("fake-daemon"));
}

void tst_PortOwnerAsync::lookupAnswerDroppedWithItsContext()
{
    // The window may close the tab before the answer comes: nothing may run on a dead object.
    bool answered = false;
    {
        QObject context;
        PortOwnerLookup(QStringLiteral("/nonexistent-proc"))
            .findAsync(PortProtocol::Tcp, 9, QHostAddress(), &context,
                       [&](const PortOwner &) { answered = true; });
    }
    QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
    QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!answered);
}

void tst_PortOwnerAsync::udpPortInUseNamedWhenKnown()
{
    PortHolder holder;
    const quint16 port = holder.hold("udp");
    QVERIFY2(port != 0, qPrintable(holder.diagnostics()));

    UdpSession session;
    UdpSession::Options o;
    o.bindAddress = kLoopback;
    o.port = port;
    session.setOptions(o);
    QSignalSpy errors(&session, &Session::errorOccurred);
    session.start();
    // At once: the bind failed, and says so; who holds the port is not known yet (the lookup
    // runs on another thread and answers through the event loop).
    QCOMPARE(session.state(), Session::State::Failed);
    QCOMPARE(errors.count(), 1);
    QVERIFY2(session.stateText().contains(QLatin1String("already in use")),
             qPrintable(session.stateText()));
    QVERIFY2(!session.stateText().contains(QLatin1String("python3")),
             qPrintable(session.stateText()));
    QVERIFY(session.failureDetailPending());
    // Then the message updates.
    QTRY_VERIFY(!session.failureDetailPending());
    QCOMPARE(session.state(), Session::State::Failed);
    const QString pid = holder.pid();
    QVERIFY2(session.stateText().contains(QLatin1String("python3")) &&
                 session.stateText().contains(pid),
             qPrintable(session.stateText()));
    QCOMPARE(errors.count(), 2);
    QCOMPARE(errors.last().at(0).toString(), session.stateText());
}

void tst_PortOwnerAsync::tcpPortInUseNamedWhenKnown()
{
    QTcpServer holder; // this process holds the port
    QVERIFY(holder.listen(kLoopback, 0));
    TcpServerSession session;
    TcpServerSession::Options o;
    o.address = kLoopback;
    o.port = holder.serverPort();
    session.setOptions(o);
    session.start();
    QCOMPARE(session.state(), Session::State::Failed);
    QVERIFY(session.failureDetailPending());
    QVERIFY2(!session.stateText().contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(session.stateText()));
    QTRY_VERIFY(!session.failureDetailPending());
    QVERIFY2(session.stateText().contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(session.stateText()));
}

void tst_PortOwnerAsync::restartDiscardsALateAnswer()
{
    QTcpServer holder;
    QVERIFY(holder.listen(kLoopback, 0));
    TcpServerSession session;
    TcpServerSession::Options o;
    o.address = kLoopback;
    o.port = holder.serverPort();
    session.setOptions(o);
    session.start();
    QVERIFY(session.failureDetailPending());
    // Started again on a free port before the answer came: the answer must not overwrite it.
    o.port = 0;
    session.setOptions(o);
    session.start();
    QCOMPARE(session.state(), Session::State::Active);
    QVERIFY(!session.failureDetailPending());
    const QString listening = session.stateText();
    QTest::qWait(200); // long enough for a lookup of this small process table to answer
    QCOMPARE(session.state(), Session::State::Active);
    QCOMPARE(session.stateText(), listening);
}

QTEST_GUILESS_MAIN(tst_PortOwnerAsync)
#include "tst_portownerasync.moc"
