#include "core/log/logrecord.h"
#include "core/session/session.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace sockscope;

namespace {

// A session fed by the test: one peer, bytes ingested as a link would hand them over.
class FedSession : public Session
{
public:
    FedSession() : Session(Mode::TcpServer, nullptr) {}
    void start() override { setState(State::Active, QString()); }
    void stop() override { setState(State::Idle, QString()); }
    void setEndpoint(const SessionEndpoint &) override {}

    quint32 open() { return openPeer(QHostAddress::LocalHost, 40000); }
    // One shared block handed over again and again: feeding costs next to nothing, so the
    // 30 ms batch timer is not due yet when the test looks.
    void feed(quint32 id, qint64 bytes, qint64 block)
    {
        const QByteArray full(int(block), 'x');
        for (qint64 done = 0; done < bytes; done += block)
            ingest(id, done + block <= bytes ? full : full.left(int(bytes - done)));
    }

protected:
    QList<quint32> defaultTargets(QString *) override { return {}; }
    Delivery sendBytes(quint32, const QByteArray &, QString *) override { return Delivery::Gone; }
};

qint64 payload(const QSignalSpy &spy)
{
    qint64 bytes = 0;
    for (const QList<QVariant> &call : spy)
        for (const LogRecord &r : call.at(0).value<LogRecords>())
            if (r.kind == LogRecord::Kind::Rx)
                bytes += r.bytes.size();
    return bytes;
}

} // namespace

// Issue #16: a flood reaches the log (and the headless printer) in slices of
// batchFlushBytes() on the next loop pass, not 30 ms worth (tens of MiB) at a time.
class tst_SessionBatches : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<LogRecords>(); }

    void flushBySize_data()
    {
        QTest::addColumn<qint64>("flushBytes");
        QTest::addColumn<qint64>("fed");
        QTest::addColumn<bool>("batchOnNextPass");
        const qint64 def = Session::DefaultBatchFlushBytes;
        QTest::newRow("past the default") << def << def + 1024 << true;
        QTest::newRow("below it: the timer decides") << def << def - 1024 << false;
        QTest::newRow("off") << qint64(0) << def + 1024 << false;
    }

    void flushBySize()
    {
        QFETCH(qint64, flushBytes);
        QFETCH(qint64, fed);
        QFETCH(bool, batchOnNextPass);
        FedSession session;
        QCOMPARE(session.batchFlushBytes(), Session::DefaultBatchFlushBytes);
        session.setBatchFlushBytes(flushBytes);
        session.start();
        const quint32 id = session.open();
        session.flushRecords(); // the "connected" event
        QSignalSpy batches(&session, &Session::recordsReady);
        QElapsedTimer since;
        since.start();
        session.feed(id, fed, 256 * 1024);
        QCOMPARE(batches.count(), 0); // never from inside ingest
        QCoreApplication::processEvents(); // one pass: normally far less than the 30 ms timer
        if (batchOnNextPass)
            QCOMPARE(batches.count(), 1);
        else if (since.elapsed() < 30) // (on a machine that slow the timer may be due)
            QCOMPARE(batches.count(), 0);
        QTRY_COMPARE(payload(batches), fed); // the timer brings the rest, nothing is lost
    }
};

QTEST_GUILESS_MAIN(tst_SessionBatches)
#include "tst_sessionbatches.moc"
